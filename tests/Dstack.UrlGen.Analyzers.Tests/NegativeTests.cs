namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>Code that builds no URL from a base_url, or builds one the right way: no DSTK diagnostic at all, on either framework.</summary>
public class NegativeTests
{
    /// <summary>Members of a class <c>C</c>, by case name.</summary>
    private static readonly Dictionary<string, string> Cases = new()
    {
        ["Unrelated_url_plus"] = """
            string M(string server) => server + "/api/runs/list";
            """,
        ["Unrelated_url_interpolated"] = """
            string M(string server, string project) => $"{server}/api/project/{project}/runs/get";
            """,
        ["Unrelated_concat_many"] = """
            string M(string server, string name) => string.Concat(server, "/", name, "/", "x", "/");
            """,
        ["Unrelated_join_many"] = """
            string M(string a, string b, string c) => string.Join("/", a, b, c, "d", "e");
            """,
        ["Unrelated_string_builder"] = """
            string M(string server, string p) => new StringBuilder(server).Append("/api/project/").Append(p).ToString();
            """,
        ["Message_text_before"] = """
            string M(StjModel m) => "Model at " + m.BaseUrl;
            """,
        ["Message_text_after"] = """
            string M(StjModel m) => m.BaseUrl + " is unreachable";
            """,
        ["Message_text_interpolated"] = """
            string M(StjModel m) => $"Model {m.Name} is served at {m.BaseUrl}";
            """,
        ["Message_text_format"] = """
            string M(StjModel m) => string.Format("Model served at {0}", m.BaseUrl);
            """,
        ["Message_text_string_builder"] = """
            void M(StringBuilder sb, StjModel m) => sb.Append("Model at ").Append(m.BaseUrl).AppendLine();
            """,
        ["Key_value_text"] = """
            string M(StjModel m) => "base_url=" + m.BaseUrl;
            """,
        ["Key_value_text_interpolated"] = """
            string M(StjModel m) => $"base_url={m.BaseUrl}";
            """,
        ["List_with_white_space_separator"] = """
            string M(StjModel a, StjModel b) => string.Join(", ", a.BaseUrl, b.BaseUrl);
            """,
        ["New_line_value"] = """
            string M(StjModel m) => m.BaseUrl + Environment.NewLine;
            """,
        ["New_line_text"] = """
            string M(StjModel m) => $"{m.BaseUrl}\n";
            """,
        ["Base_url_alone_interpolated"] = """
            string M(StjModel m) => $"{m.BaseUrl}";
            """,
        ["Base_url_plus_empty"] = """
            string M(StjModel m) => m.BaseUrl + "";
            """,
        ["String_empty_plus_base_url"] = """
            string M(StjModel m) => string.Empty + m.BaseUrl;
            """,
        ["Logging_template"] = """
            void Log(string template, params object[] args) { } void M(StjModel m) => Log("Model {Name} at {Url}", m.Name, m.BaseUrl);
            """,
        ["Console_format"] = """
            void M(StjModel m) => Console.WriteLine("base_url: {0}", m.BaseUrl);
            """,
        ["Equality"] = """
            bool M(StjModel m, string other) => m.BaseUrl == other;
            """,
        ["Starts_with_and_length"] = """
            bool M(StjModel m) => m.BaseUrl.StartsWith("/") || m.BaseUrl.Length > 0 || m.BaseUrl.Contains("proxy");
            """,
        ["Dictionary_key"] = """
            int M(Dictionary<string, int> seen, StjModel m) => seen[m.BaseUrl] = 1;
            """,
        ["Switch_on_base_url"] = """
            string M(StjModel m) { switch (m.BaseUrl) { case "/proxy/models/main/": return "server"; default: return "gateway"; } }
            """,
        ["DstackUrl_resolve"] = """
            Uri M(Uri server, StjModel m) => DstackUrl.Resolve(server, m.BaseUrl);
            """,
        ["DstackUrl_chat_completions"] = """
            Uri M(string server, DstackModelEndpoint e) => DstackUrl.ChatCompletions(DstackUrl.Resolve(server, e.BaseUrl));
            """,
        ["DstackUrl_classify"] = """
            bool M(StjModel m) => DstackUrl.Classify(m.BaseUrl) == DstackUrlKind.Gateway;
            """,
        ["Resolved_url_is_no_base_url"] = """
            string M(Uri server, StjModel m) => DstackUrl.Resolve(server, m.BaseUrl).AbsoluteUri + "/chat/completions";
            """,
        ["Request_with_the_resolved_url"] = """
            Task<HttpResponseMessage> M(HttpClient client, Uri server, StjModel m) => client.GetAsync(DstackUrl.Resolve(server, m.BaseUrl));
            """,
        ["Constant_folding_of_a_proxy_path"] = """
            const string Server = "http://localhost:3000"; const string ModelsPath = Server + "/proxy/models/main/"; string M() => ModelsPath + "chat/completions";
            """,
        ["Constant_folding_of_literals"] = """
            string M() => "/proxy/models/" + "main";
            """,
        ["Proxy_path_in_message_text"] = """
            string M(string name) => "Served under /proxy/models/ as " + name;
            """,
        ["Other_api_path"] = """
            string M(string project) => "/api/project/" + project;
            """,
        ["Json_element_other_key"] = """
            string M(string server, JsonElement e) => server + e.GetProperty("url").GetString();
            """,
        ["Json_node_other_key"] = """
            string M(string server, JsonNode n) => server + n["base_url_v2"]!.GetValue<string>();
            """,
        ["Jtoken_other_path"] = """
            string M(string server, Newtonsoft.Json.Linq.JObject o) => server + o.SelectToken("service.model.name")?.ToString();
            """,
        ["Other_json_members"] = """
            string M(string server, StjModel m) => server + m.Name + m.Other;
            """,
        ["Local_reassigned"] = """
            string M(string server, StjModel m, string fallback, bool useFallback) { var raw = m.BaseUrl; if (useFallback) raw = fallback; return server + raw; }
            """,
        ["Local_changed_by_plus_assign"] = """
            string M(StjModel m, string name) { var text = m.BaseUrl; text += " serves "; return text + name; }
            """,
        ["Dictionary_try_get_value"] = """
            string M(string server, Dictionary<string, string> run) => run.TryGetValue("base_url", out var raw) ? server + raw : server;
            """,
        ["Foreach_variable"] = """
            string M(string server, List<string> urls) { var all = ""; foreach (var raw in urls) all += server + raw; return all; }
            """,
        ["Getter_two_levels_deep"] = """
            class Inner { public StjModel Model { get; } = new(); public string Url => Model.BaseUrl; } class Outer { public Inner Inner { get; } = new(); public string Url => Inner.Url; } string M(string server, Outer o) => server + o.Url;
            """,
        ["Names_without_the_option"] = """
            string M(string server, string baseUrl, string base_url) => server + baseUrl + base_url;
            """,
        ["Unrelated_new_uri_with_base"] = """
            Uri M(Uri server) => new Uri(server, "/api/runs/list");
            """,
        ["Unrelated_new_uri"] = """
            Uri M(string server) => new Uri(server);
            """,
        ["Unrelated_try_create"] = """
            bool M(string text) => Uri.TryCreate(text, UriKind.Absolute, out _);
            """,
        ["Unrelated_request"] = """
            Task<HttpResponseMessage> M(HttpClient client) => client.GetAsync("/api/runs/list");
            """,
        ["Request_message_with_a_uri"] = """
            HttpRequestMessage M(Uri url) => new HttpRequestMessage(HttpMethod.Post, url);
            """,
        ["Different_string_builders"] = """
            void M(StringBuilder first, StringBuilder second, string server, StjModel m) { first.Append(server); second.Append(m.BaseUrl); }
            """,
        ["Path_combine_without_base_url"] = """
            string M(string dir) => Path.Combine(dir, "models", "config.json");
            """,
    };

    public static IEnumerable<object[]> Names()
        => Cases.Keys.SelectMany(name => new[] { new object[] { name, AnalyzerVerifier.Net80 }, new object[] { name, AnalyzerVerifier.Net100 } });

    [Theory]
    [MemberData(nameof(Names))]
    public Task Silent(string name, string framework)
        => AnalyzerVerifier.VerifyAsync(framework, "class C\n{\n" + Cases[name] + "\n}\n");
}
