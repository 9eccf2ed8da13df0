namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0001 for every recognised base_url source (docs/analyzers.md, "What is a base_url"), each joined with a plain <c>+</c>.</summary>
public class BaseUrlSourceTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task Newtonsoft_json_property_with_constructor_argument(string framework) => Verify(framework, """
        class C
        {
            string M(string server, NewtonsoftModel m) => {|DSTK0001:server + m.Url|};
        }
        """);

    [Theory, Frameworks]
    public Task Newtonsoft_json_property_with_property_name(string framework) => Verify(framework, """
        class C
        {
            string M(string server, NewtonsoftNamedModel m) => {|DSTK0001:server + m.Url|};
        }
        """);

    [Theory, Frameworks]
    public Task Data_member_name(string framework) => Verify(framework, """
        class C
        {
            string M(string server, ContractModel m) => {|DSTK0001:server + m.Address|};
        }
        """);

    [Theory, Frameworks]
    public Task Json_property_name_on_a_positional_record(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;
        record Model([property: JsonPropertyName("base_url")] string Url);
        record Service([property: JsonPropertyName("model")] Model Model);
        record Run([property: JsonPropertyName("service")] Service? Service);
        class C
        {
            string M(string server, Model m) => {|DSTK0001:server + m.Url|};
        }
        """);

    [Theory, Frameworks]
    public Task DstackBaseUrl_field(string framework) => Verify(framework, """
        class C
        {
            string M(string server, Marked m) => {|DSTK0001:server + m.Raw|};
        }
        """);

    [Theory, Frameworks]
    public Task DstackBaseUrl_constant_is_not_folded_away(string framework) => Verify(framework, """
        class C
        {
            string M() => {|DSTK0001:Marked.Constant + "chat/completions"|};
        }
        """);

    [Theory, Frameworks]
    public Task DstackBaseUrl_method_and_return_value(string framework) => Verify(framework, """
        class C
        {
            string M(string server, Marked m) => {|DSTK0001:server + m.Read()|};
            string N(string server, Marked m) => {|DSTK0001:$"{server}{m.ReadReturn()}"|};
        }
        """);

    [Theory, Frameworks]
    public Task DstackBaseUrl_parameter(string framework) => Verify(framework, """
        class C
        {
            string M(string server, [DstackBaseUrl] string raw) => {|DSTK0001:server + raw|};
        }
        """);

    [Theory, Frameworks]
    public Task Json_element_get_property_get_string(string framework) => Verify(framework, """
        class C
        {
            string M(string server, JsonDocument doc)
                => {|DSTK0001:server + doc.RootElement.GetProperty("service").GetProperty("model").GetProperty("base_url").GetString()|};
        }
        """);

    [Theory, Frameworks]
    public Task Json_element_try_get_property_out_var_then_get_string(string framework) => Verify(framework, """
        class C
        {
            string? M(string server, JsonElement model)
            {
                if (model.TryGetProperty("base_url", out var element))
                {
                    return {|DSTK0001:server + element.GetString()|};
                }

                return null;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Json_node_get_value(string framework) => Verify(framework, """
        class C
        {
            string M(string server, JsonNode model) => {|DSTK0001:server + model["base_url"]!.GetValue<string>()|};
        }
        """);

    [Theory, Frameworks]
    public Task Json_node_conditional_to_string(string framework) => Verify(framework, """
        class C
        {
            string M(string server, JsonNode? run) => {|DSTK0001:server + run?["service"]?["model"]?["base_url"]?.ToString()|};
        }
        """);

    [Theory, Frameworks]
    public Task Json_node_cast(string framework) => Verify(framework, """
        class C
        {
            string M(string server, JsonObject model) => {|DSTK0001:server + (string?)model["base_url"]|};
        }
        """);

    [Theory, Frameworks]
    public Task Jtoken_cast(string framework) => Verify(framework, """
        using Newtonsoft.Json.Linq;
        class C
        {
            string M(string server, JToken model) => {|DSTK0001:server + (string?)model["base_url"]|};
        }
        """);

    [Theory, Frameworks]
    public Task Jtoken_to_string(string framework) => Verify(framework, """
        using Newtonsoft.Json.Linq;
        class C
        {
            string M(string server, JObject model) => {|DSTK0001:$"{server}{model["base_url"]!.ToString()}"|};
        }
        """);

    [Theory, Frameworks]
    public Task Jtoken_value_by_key(string framework) => Verify(framework, """
        using Newtonsoft.Json.Linq;
        class C
        {
            string M(string server, JToken model) => {|DSTK0001:server + model.Value<string>("base_url")|};
        }
        """);

    [Theory, Frameworks]
    public Task Jtoken_select_token_path(string framework) => Verify(framework, """
        using Newtonsoft.Json.Linq;
        class C
        {
            string M(string server, JObject run) => {|DSTK0001:server + run.SelectToken("$.service.model.base_url")?.Value<string>()|};
        }
        """);

    [Theory, Frameworks]
    public Task Conditional_access_chain(string framework) => Verify(framework, """
        class C
        {
            string M(string server, DstackModelEndpoint? endpoint) => {|DSTK0001:server + endpoint?.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Trimmed_and_null_forgiven(string framework) => Verify(framework, """
        class C
        {
            string M(string server, NewtonsoftModel m) => {|DSTK0001:server.TrimEnd('/') + "/" + m.Url!.TrimStart('/')|};
        }
        """);

    [Theory, Frameworks]
    public Task Case_changed_substring_and_replace(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m) => {|DSTK0001:server + m.BaseUrl.ToLowerInvariant().Substring(0).Replace("//", "/")|};
        }
        """);

    [Theory, Frameworks]
    public Task Coalesced_with_a_constant(string framework) => Verify(framework, """
        class C
        {
            string M(NewtonsoftModel m) => {|DSTK0001:(m.Url ?? "") + "/v1"|};
        }
        """);

    [Theory, Frameworks]
    public Task Chain_of_locals(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                var raw = m.BaseUrl;
                string trimmed;
                trimmed = raw.Trim();
                var path = trimmed;
                return {|DSTK0001:server + path|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Local_coalesced_with_throw(string framework) => Verify(framework, """
        class C
        {
            string M(string server, NewtonsoftModel m)
            {
                var raw = m.Url ?? throw new InvalidOperationException("no base_url");
                return {|DSTK0001:server + raw|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Local_assigned_in_both_branches(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel a, ContractModel b, bool first)
            {
                string raw;
                if (first) raw = a.BaseUrl; else raw = b.Address;
                return {|DSTK0001:server + raw|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Pattern_variable(string framework) => Verify(framework, """
        class C
        {
            string? M(string server, NewtonsoftModel m) => m.Url is string raw ? {|DSTK0001:server + raw|} : null;
        }
        """);

    [Theory, Frameworks]
    public Task Property_pattern_variable(string framework) => Verify(framework, """
        class C
        {
            string? M(string server, object o) => o is StjModel { BaseUrl: var raw } ? {|DSTK0001:server + raw|} : null;
        }
        """);

    [Theory, Frameworks]
    public Task Switch_case_pattern_variable(string framework) => Verify(framework, """
        class C
        {
            string M(string server, NewtonsoftModel m)
            {
                switch (m.Url)
                {
                    case { Length: > 0 } raw:
                        return {|DSTK0001:server + raw|};
                    default:
                        return server;
                }
            }
        }
        """);

    [Theory, Frameworks]
    public Task Out_variable_of_a_marked_out_parameter(string framework) => Verify(framework, """
        class C
        {
            string M(string server, Marked m) => m.TryRead(out var raw) ? {|DSTK0001:server + raw|} : server;
        }
        """);

    [Theory, Frameworks]
    public Task Tuple_deconstruction(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                var (name, raw) = (m.Name, m.BaseUrl);
                return {|DSTK0001:$"{server}/{raw}"|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Record_deconstruction_of_the_endpoint(string framework) => Verify(framework, """
        class C
        {
            string M(string server, DstackModelEndpoint endpoint)
            {
                var (model, project, run, raw, url, kind) = endpoint;
                return {|DSTK0001:server + raw|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Local_captured_by_a_lambda(string framework) => Verify(framework, """
        class C
        {
            Func<string> M(string server, StjModel m)
            {
                var raw = m.BaseUrl;
                return () => {|DSTK0001:server + raw|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Local_captured_by_a_local_function(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m)
            {
                var raw = m.BaseUrl;
                return Build();

                string Build() => {|DSTK0001:server + raw|};
            }
        }
        """);

    [Theory, Frameworks]
    public Task Property_whose_getter_returns_a_base_url(string framework) => Verify(framework, """
        class Wrapper
        {
            private readonly StjModel _model = new();
            public string Url => _model.BaseUrl;
            public string Trimmed { get { return this._model.BaseUrl!.Trim(); } }
        }
        class C
        {
            string M(string server, Wrapper w) => {|DSTK0001:server + w.Url|};
            string N(string server, Wrapper w) => {|DSTK0001:server + w.Trimmed|};
        }
        """);

    [Theory, Frameworks]
    public Task Property_getter_in_another_file(string framework) => AnalyzerVerifier.VerifyAsync(framework, """
        class C
        {
            string M(string server, Holder h) => {|DSTK0001:server + h.Address|};
        }
        """,
        null,
        ("/0/Holder.cs", """
            namespace Sample;
            public sealed class Holder
            {
                public DstackModelEndpoint? Endpoint { get; set; }
                public string Address => Endpoint?.BaseUrl ?? "";
            }
            """));

    [Theory, Frameworks]
    public Task Names_match_when_the_option_is_on(string framework) => AnalyzerVerifier.VerifyAsync(framework, """
        class C
        {
            string _modelBaseUrl = "";
            string M(string server, string baseUrl) => {|DSTK0001:server + baseUrl|};
            string N(string server) => {|DSTK0001:server + _modelBaseUrl|};
        }
        """,
        "dstack_urlgen.match_base_url_names = true");
}
