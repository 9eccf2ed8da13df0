namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>Code that builds no URL from a base_url, or builds one the right way: no DSTK diagnostic at all.</summary>
public class NegativeTests
{
    private static Task Verify(string framework, string source) => AnalyzerVerifier.VerifyAsync(framework, source);

    [Theory, Frameworks]
    public Task Unrelated_urls_concatenated(string framework) => Verify(framework, """
        class C
        {
            string A(string server) => server + "/api/runs/list";
            string B(string server, string project) => $"{server}/api/project/{project}/runs/get";
            string D(string server, string name) => string.Concat(server, "/", name, "/", "x", "/");
            string E(string a, string b, string c) => string.Join("/", a, b, c, "d", "e");
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_in_message_text_with_white_space(string framework) => Verify(framework, """
        class C
        {
            string A(StjModel m) => "Model at " + m.BaseUrl;
            string B(StjModel m) => $"Model {m.Name} is served at {m.BaseUrl}";
            string D(StjModel m) => string.Format("Model served at {0}", m.BaseUrl);
            string E(StjModel m) => m.BaseUrl + " is unreachable";
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_in_key_value_text(string framework) => Verify(framework, """
        class C
        {
            string A(StjModel m) => "base_url=" + m.BaseUrl;
            string B(StjModel m) => $"base_url={m.BaseUrl}";
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_in_a_list_with_a_white_space_separator(string framework) => Verify(framework, """
        class C
        {
            string M(StjModel a, StjModel b) => string.Join(", ", a.BaseUrl, b.BaseUrl);
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_followed_by_a_new_line(string framework) => Verify(framework, """
        class C
        {
            string A(StjModel m) => m.BaseUrl + Environment.NewLine;
            string B(StjModel m) => $"{m.BaseUrl}\n";
            void D(StringBuilder sb, StjModel m) => sb.Append("Model at ").Append(m.BaseUrl).AppendLine();
        }
        """);

    [Theory, Frameworks]
    public Task Base_url_alone_or_with_empty_text(string framework) => Verify(framework, """
        class C
        {
            string A(StjModel m) => $"{m.BaseUrl}";
            string B(StjModel m) => m.BaseUrl + "";
            string D(StjModel m) => string.Empty + m.BaseUrl;
        }
        """);

    [Theory, Frameworks]
    public Task Logging_with_a_template_is_no_join(string framework) => Verify(framework, """
        class C
        {
            void Log(string template, params object[] args) { }
            void M(StjModel m)
            {
                Log("Model {Name} at {Url}", m.Name, m.BaseUrl);
                Console.WriteLine("base_url: {0}", m.BaseUrl);
            }
        }
        """);

    [Theory, Frameworks]
    public Task Comparisons_and_other_uses_that_build_no_url(string framework) => Verify(framework, """
        class C
        {
            bool A(StjModel m, string other) => m.BaseUrl == other || m.BaseUrl.StartsWith("/") || m.BaseUrl.Length > 0;
            bool B(StjModel m) => string.IsNullOrEmpty(m.BaseUrl) || m.BaseUrl.Contains("proxy");
            int D(Dictionary<string, int> seen, StjModel m) => seen[m.BaseUrl] = 1;
            string E(StjModel m)
            {
                switch (m.BaseUrl)
                {
                    case "/proxy/models/main/": return "server";
                    default: return "gateway";
                }
            }
        }
        """);

    [Theory, Frameworks]
    public Task DstackUrl_itself(string framework) => Verify(framework, """
        class C
        {
            Uri A(Uri server, StjModel m) => DstackUrl.Resolve(server, m.BaseUrl);
            Uri B(string server, DstackModelEndpoint e) => DstackUrl.ChatCompletions(DstackUrl.Resolve(server, e.BaseUrl));
            bool D(StjModel m) => DstackUrl.Classify(m.BaseUrl) == DstackUrlKind.Gateway;
            string E(Uri server, StjModel m) => DstackUrl.Resolve(server, m.BaseUrl).AbsoluteUri + "/chat/completions";
            Task<HttpResponseMessage> F(HttpClient client, Uri server, StjModel m) => client.GetAsync(DstackUrl.Resolve(server, m.BaseUrl));
        }
        """);

    [Theory, Frameworks]
    public Task Constant_folding(string framework) => Verify(framework, """
        class C
        {
            const string Server = "http://localhost:3000";
            const string ModelsPath = Server + "/proxy/models/main/";
            string A() => "/proxy/models/" + "main";
            string B() => ModelsPath + "chat/completions";
        }
        """);

    [Theory, Frameworks]
    public Task Proxy_path_in_message_text(string framework) => Verify(framework, """
        class C
        {
            string A(string name) => "Served under /proxy/models/ as " + name;
            string B(string project) => "/api/project/" + project;
        }
        """);

    [Theory, Frameworks]
    public Task Other_json_keys_and_members(string framework) => Verify(framework, """
        using Newtonsoft.Json.Linq;
        class C
        {
            string A(string server, JsonElement e) => server + e.GetProperty("url").GetString();
            string B(string server, JObject o) => server + o.SelectToken("service.model.name")?.ToString();
            string D(string server, JsonNode n) => server + n["base_url_v2"]!.GetValue<string>();
            string E(string server, StjModel m) => server + m.Name + m.Other;
        }
        """);

    [Theory, Frameworks]
    public Task Local_reassigned_from_something_else(string framework) => Verify(framework, """
        class C
        {
            string M(string server, StjModel m, string fallback, bool useFallback)
            {
                var raw = m.BaseUrl;
                if (useFallback) raw = fallback;
                return server + raw;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Local_changed_by_plus_assign_is_no_longer_a_base_url(string framework) => Verify(framework, """
        class C
        {
            string M(StjModel m, string name)
            {
                var text = m.BaseUrl;
                text += " serves ";
                return text + name;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Dictionary_reads_and_foreach_variables_are_not_followed(string framework) => Verify(framework, """
        class C
        {
            string A(string server, Dictionary<string, string> run) => run.TryGetValue("base_url", out var raw) ? server + raw : server;
            string B(string server, List<string> urls)
            {
                var all = "";
                foreach (var raw in urls) all += server + raw;
                return all;
            }
        }
        """);

    [Theory, Frameworks]
    public Task Property_getter_two_levels_deep_is_not_followed(string framework) => Verify(framework, """
        class Inner
        {
            public StjModel Model { get; } = new();
            public string Url => Model.BaseUrl;
        }
        class Outer
        {
            public Inner Inner { get; } = new();
            public string Url => Inner.Url;
        }
        class C
        {
            string M(string server, Outer o) => server + o.Url;
        }
        """);

    [Theory, Frameworks]
    public Task Names_do_not_match_without_the_option(string framework) => Verify(framework, """
        class C
        {
            string M(string server, string baseUrl, string base_url) => server + baseUrl + base_url;
        }
        """);

    [Theory, Frameworks]
    public Task Unrelated_uris_and_requests(string framework) => Verify(framework, """
        class C
        {
            Uri A(Uri server) => new Uri(server, "/api/runs/list");
            Uri B(string server) => new Uri(server);
            bool D(string text) => Uri.TryCreate(text, UriKind.Absolute, out _);
            Task<HttpResponseMessage> E(HttpClient client) => client.GetAsync("/api/runs/list");
            HttpRequestMessage F(Uri url) => new HttpRequestMessage(HttpMethod.Post, url);
        }
        """);

    [Theory, Frameworks]
    public Task Different_string_builders_are_not_one_join(string framework) => Verify(framework, """
        class C
        {
            void M(StringBuilder first, StringBuilder second, string server, StjModel m)
            {
                first.Append(server);
                second.Append(m.BaseUrl);
            }
        }
        """);

    [Theory, Frameworks]
    public Task Path_combine_without_a_base_url(string framework) => Verify(framework, """
        class C
        {
            string M(string dir) => Path.Combine(dir, "models", "config.json");
        }
        """);
}
