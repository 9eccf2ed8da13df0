namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>
/// A JSON-mapped <c>base_url</c> counts only on dstack's service model (<c>service</c> → <c>model</c>) or with
/// <c>[DstackBaseUrl]</c> (docs/analyzers.md, "What is a base_url"). The negatives are the shapes that gave false
/// warnings on real code: a cloud SDK's API root and an OpenAI-compatible provider config.
/// </summary>
public class ServiceModelRuleTests
{
    private static Task Verify(string framework, string source, string? editorConfig = null) => AnalyzerVerifier.VerifyAsync(framework, source, editorConfig);

    [Theory, Frameworks]
    public Task Cloud_sdk_api_root_is_no_base_url(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public sealed class BaseUrls
        {
            [JsonPropertyName("base_url")] public string BaseUrl { get; set; } = "https://api.box.com";
            [JsonPropertyName("upload_url")] public string UploadUrl { get; set; } = "https://upload.box.com/api";
        }

        public sealed class NetworkSession
        {
            public BaseUrls BaseUrls { get; set; } = new();
        }

        public sealed class FilesManager
        {
            public NetworkSession NetworkSession { get; set; } = new();

            public string FileUrl(string id) => string.Concat(this.NetworkSession.BaseUrls.BaseUrl, "/2.0/files/", id);
            public string Upload(string id) => this.NetworkSession.BaseUrls.BaseUrl + "/2.0/files/" + id + "/content";
            public Uri Root() => new Uri(this.NetworkSession.BaseUrls.BaseUrl);
            public Uri Relative(Uri server) => new Uri(server, this.NetworkSession.BaseUrls.BaseUrl);
        }
        """);

    [Theory, Frameworks]
    public Task OpenAI_compatible_provider_config_is_no_base_url(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public sealed class ProviderConfig
        {
            [JsonPropertyName("model")] public string Model { get; set; } = "gpt-4o-mini";
            [JsonPropertyName("base_url")] public string BaseUrl { get; set; } = "https://api.openai.com/v1";
            [JsonPropertyName("api_key")] public string? ApiKey { get; set; }
        }

        public sealed class Settings
        {
            [JsonPropertyName("providers")] public Dictionary<string, ProviderConfig> Providers { get; set; } = new();
            [JsonPropertyName("default")] public ProviderConfig Default { get; set; } = new();
        }

        class C
        {
            string Chat(ProviderConfig config) => config.BaseUrl.TrimEnd('/') + "/chat/completions";
            string Models(Settings settings) => $"{settings.Default.BaseUrl}/models";
            bool Absolute(ProviderConfig config) => Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out _);
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_key_on_a_model_type_not_reached_from_service_is_no_base_url(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public sealed class ModelInfo { [JsonPropertyName("base_url")] public string BaseUrl { get; set; } = ""; }
        public sealed class Catalog { [JsonPropertyName("model")] public ModelInfo? Model { get; set; } }
        public sealed class Page { [JsonPropertyName("items")] public List<Catalog> Items { get; set; } = new(); }

        class C
        {
            string M(string server, ModelInfo m) => server + m.BaseUrl;
        }
        """);

    [Theory, Frameworks]
    public Task Service_and_model_through_collections_and_nullable_wrappers(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public struct ModelSpec { [JsonPropertyName("base_url")] public string BaseUrl; }
        public sealed class ServiceSpec { [JsonPropertyName("model")] public ModelSpec? Model { get; set; } }
        public sealed class RunList { [JsonPropertyName("service")] public IReadOnlyList<ServiceSpec>? Services { get; set; } }

        class C
        {
            string M(string server, ModelSpec m) => {|DSTK0001:server + m.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Service_and_model_mapped_by_member_name(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public sealed class ServiceModelDto { [JsonPropertyName("base_url")] public string BaseUrl { get; set; } = ""; }
        public sealed class ServiceDto { public ServiceModelDto? Model { get; set; } }
        public sealed class RunDto { public ServiceDto? Service { get; set; } }

        class C
        {
            string M(string server, RunDto run) => {|DSTK0001:server + run.Service!.Model!.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Service_model_declared_in_another_namespace_and_file(string framework) => AnalyzerVerifier.VerifyAsync(
        framework,
        """
        class C
        {
            string M(string server, Dstack.Models.ModelDto m) => {|DSTK0001:server + "/" + m.Url|};
        }
        """,
        null,
        ("/0/Models.Dto.cs", """
            namespace Dstack.Models
            {
                public sealed class ModelDto { [Newtonsoft.Json.JsonProperty("base_url")] public string Url { get; set; } = ""; }
            }

            namespace Dstack.Runs
            {
                public sealed class ServiceDto { [Newtonsoft.Json.JsonProperty("model")] public Dstack.Models.ModelDto? Model { get; set; } }
                public sealed class RunDto { [Newtonsoft.Json.JsonProperty("service")] public ServiceDto? Service { get; set; } }
            }
            """));

    [Theory, Frameworks]
    public Task A_model_dto_alone_opts_in_with_DstackBaseUrl(string framework) => Verify(framework, """
        using System.Text.Json.Serialization;

        public sealed class MyModel { [DstackBaseUrl, JsonPropertyName("base_url")] public string BaseUrl { get; set; } = ""; }

        class C
        {
            string M(string server, MyModel m) => {|DSTK0001:server + m.BaseUrl|};
            Uri N(MyModel m) => {|DSTK0004:new Uri(m.BaseUrl)|};
        }
        """);

    [Theory, Frameworks]
    public Task Field_and_record_on_the_service_model(string framework) => Verify(framework, """
        using System.Runtime.Serialization;

        [DataContract] public sealed class ModelFields { [DataMember(Name = "base_url")] public string BaseUrl = ""; }
        [DataContract] public sealed record ServiceRecord([property: DataMember(Name = "model")] ModelFields Model);
        [DataContract] public sealed record RunRecord([property: DataMember(Name = "service")] ServiceRecord[] Service);

        class C
        {
            string M(string server, RunRecord run) => {|DSTK0001:server + run.Service[0].Model.BaseUrl|};
        }
        """);

    [Theory, Frameworks]
    public Task Name_matching_skips_constants(string framework) => Verify(
        framework,
        """
        class C
        {
            const string BaseUrl = "http://foo";
            static readonly string _baseUrl = "https://example.com/api";

            string M(string id) => BaseUrl + "/v1/files/" + id;
            string N(string id) => _baseUrl + "/v1/files/" + id;
            string O(string id)
            {
                const string baseUrl = "http://localhost:3000";
                return baseUrl + "/api/" + id;
            }
        }
        """,
        "dstack_urlgen.match_base_url_names = true");

    [Theory, Frameworks]
    public Task Name_matching_skips_locals_that_hold_a_full_url(string framework) => Verify(
        framework,
        """
        class C
        {
            string M(string host, string id)
            {
                var baseUrl = $"https://{host}/v1/files/{id}";
                return baseUrl + "?download=1";
            }

            string N(string id)
            {
                string baseUrl = "https://api.example.com/v1/files/" + id;
                return baseUrl + "/content";
            }

            string O(Uri server, string path)
            {
                var baseUrl = server.AbsoluteUri;
                return baseUrl + path;
            }
        }
        """,
        "dstack_urlgen.match_base_url_names = true");

    [Theory, Frameworks]
    public Task Name_matching_still_flags_names_that_hold_a_base_url(string framework) => Verify(
        framework,
        """
        class C
        {
            string M(string server, string baseUrl) => {|DSTK0001:server + baseUrl|};
            string N(string server, Func<string> read)
            {
                var baseUrl = read();
                return {|DSTK0001:server + baseUrl|};
            }
        }
        """,
        "dstack_urlgen.match_base_url_names = true");
}
