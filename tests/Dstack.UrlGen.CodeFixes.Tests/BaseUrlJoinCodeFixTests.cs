using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.CodeFixes.Tests;

public class BaseUrlJoinCodeFixTests
{
    private const string Dto = """

        public sealed class ServiceModel
        {
            [System.Text.Json.Serialization.JsonPropertyName("base_url")]
            public string BaseUrl { get; set; } = "";
        }

        public sealed class Service { public ServiceModel? Model { get; set; } }

        public sealed class Run { public Service? Service { get; set; } }
        """;

    [Fact]
    public Task Concatenation_becomes_Resolve_with_AbsoluteUri_and_a_using()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model) => {|DSTK0001:server + model.BaseUrl|};
            }
            """ + Dto,
            """
            using Dstack.UrlGen;

            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model) => DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;
            }
            """ + Dto);

    [Fact]
    public Task Slash_separator_in_an_interpolation_is_dropped()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:$"{server}/{endpoint.BaseUrl}"|};
            }
            """,
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl).AbsoluteUri;
            }
            """);

    [Fact]
    public Task Appended_chat_completions_becomes_ChatCompletions()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Chat(string server, DstackModelEndpoint endpoint) => {|DSTK0001:server + "/" + endpoint.BaseUrl + "/chat/completions"|};
            }
            """,
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Chat(string server, DstackModelEndpoint endpoint) => DstackUrl.ChatCompletions(DstackUrl.Resolve(server, endpoint.BaseUrl)).AbsoluteUri;
            }
            """);

    [Fact]
    public Task Uri_built_from_a_join_becomes_Resolve_without_AbsoluteUri()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(string server, DstackModelEndpoint endpoint) => new Uri({|DSTK0001:server + "/" + endpoint.BaseUrl|}, UriKind.Absolute);
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(string server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl);
            }
            """);

    [Fact]
    public Task Uri_server_in_an_interpolation_uses_the_Uri_overload()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(Uri server, DstackModelEndpoint endpoint) => {|DSTK0001:$"{server}{endpoint.BaseUrl}"|};
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(Uri server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl).AbsoluteUri;
            }
            """);

    [Fact]
    public Task Compound_assignment_keeps_the_assignment()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint)
                {
                    string url = server;
                    {|DSTK0001:url += endpoint.BaseUrl|};
                    return url;
                }
            }
            """,
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint)
                {
                    string url = server;
                    url = DstackUrl.Resolve(url, endpoint.BaseUrl).AbsoluteUri;
                    return url;
                }
            }
            """);

    [Theory]
    [InlineData("string.Concat(server, \"/\", endpoint.BaseUrl)")]
    [InlineData("string.Format(\"{0}/{1}\", server, endpoint.BaseUrl)")]
    [InlineData("string.Join(\"/\", server, endpoint.BaseUrl)")]
    [InlineData("System.IO.Path.Combine(server, endpoint.BaseUrl)")]
    public Task Join_calls_become_Resolve(string join)
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            $$"""
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:{{join}}|};
            }
            """,
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl).AbsoluteUri;
            }
            """);

    [Theory]
    [InlineData("string.Create(CultureInfo.InvariantCulture, $\"{server}/{endpoint.BaseUrl}\")")]
    [InlineData("string.Format(CultureInfo.InvariantCulture, \"{0}{1}\", server, endpoint.BaseUrl)")]
    [InlineData("string.Concat(new[] { server, \"/\", endpoint.BaseUrl })")]
    public Task Culture_and_builder_forms_become_Resolve(string join)
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            $$"""
            using System.Globalization;
            using System.Text;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:{{join}}|};
            }
            """,
            """
            using System.Globalization;
            using System.Text;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl).AbsoluteUri;
            }
            """);

    [Fact]
    public Task Json_read_and_local_base_urls_are_kept_as_written()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using System.Text.Json;

            public static class Urls
            {
                public static string FromJson(string server, JsonElement model) => {|DSTK0001:server + model.GetProperty("base_url").GetString()|};

                public static string FromLocal(string server, JsonElement model)
                {
                    string baseUrl = model.GetProperty("base_url").GetString() ?? throw new JsonException("no base_url");
                    return {|DSTK0001:$"{server}{baseUrl}"|};
                }
            }
            """,
            """
            using System.Text.Json;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string FromJson(string server, JsonElement model) => DstackUrl.Resolve(server, model.GetProperty("base_url").GetString()).AbsoluteUri;

                public static string FromLocal(string server, JsonElement model)
                {
                    string baseUrl = model.GetProperty("base_url").GetString() ?? throw new JsonException("no base_url");
                    return DstackUrl.Resolve(server, baseUrl).AbsoluteUri;
                }
            }
            """);

    [Fact]
    public Task Trimmed_base_url_is_kept_as_written()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:server.TrimEnd('/') + "/" + endpoint.BaseUrl.TrimStart('/')|};
            }
            """,
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server.TrimEnd('/'), endpoint.BaseUrl.TrimStart('/')).AbsoluteUri;
            }
            """);

    [Fact]
    public Task A_user_type_named_DstackUrl_keeps_the_call_qualified_and_adds_no_using()
        => Verify<BaseUrlJoinCodeFix>.FixAsync(
            """
            namespace Client;

            public static class DstackUrl { }

            public static class Urls
            {
                public static string Model(string server, Dstack.UrlGen.DstackModelEndpoint endpoint) => {|DSTK0001:server + endpoint.BaseUrl|};
            }
            """,
            """
            namespace Client;

            public static class DstackUrl { }

            public static class Urls
            {
                public static string Model(string server, Dstack.UrlGen.DstackModelEndpoint endpoint) => Dstack.UrlGen.DstackUrl.Resolve(server, endpoint.BaseUrl).AbsoluteUri;
            }
            """);

    [Fact]
    public Task No_fix_without_a_server_operand()
        => Verify<BaseUrlJoinCodeFix>.NoFixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Models(DstackModelEndpoint endpoint) => {|DSTK0001:endpoint.BaseUrl + "/models"|};
            }
            """);

    [Fact]
    public Task No_fix_when_the_join_holds_more_than_separators()
        => Verify<BaseUrlJoinCodeFix>.NoFixAsync(
            """
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:server + "/v1/" + endpoint.BaseUrl|};
            }
            """);

    [Fact]
    public Task No_fix_for_a_StringBuilder_join()
        => Verify<BaseUrlJoinCodeFix>.NoFixAsync(
            """
            using System.Text;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:new StringBuilder().Append(server).Append('/').Append(endpoint.BaseUrl)|}.ToString();
            }
            """);

    [Fact]
    public Task No_fix_when_the_string_becomes_a_FormattableString()
        => Verify<BaseUrlJoinCodeFix>.NoFixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static FormattableString Model(string server, DstackModelEndpoint endpoint) => {|DSTK0001:$"{server}/{endpoint.BaseUrl}"|};
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_every_join_and_adds_one_using()
        => new DstackCodeFixTest<BaseUrlJoinCodeFix>
        {
            TestState =
            {
                Sources =
                {
                    """
                    namespace Client;

                    public static class Urls
                    {
                        public static string Model(string server, ServiceModel model) => {|DSTK0001:server + model.BaseUrl|};
                        public static string Chat(string server, ServiceModel model) => {|DSTK0001:$"{server}/{model.BaseUrl}/chat/completions"|};
                    }
                    """ + Dto,
                    """
                    namespace Client;

                    public static class MoreUrls
                    {
                        public static string Model(string server, ServiceModel model) => {|DSTK0001:string.Concat(server, model.BaseUrl)|};
                    }
                    """,
                },
            },
            FixedState =
            {
                Sources =
                {
                    """
                    using Dstack.UrlGen;

                    namespace Client;

                    public static class Urls
                    {
                        public static string Model(string server, ServiceModel model) => DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;
                        public static string Chat(string server, ServiceModel model) => DstackUrl.ChatCompletions(DstackUrl.Resolve(server, model.BaseUrl)).AbsoluteUri;
                    }
                    """ + Dto,
                    """
                    using Dstack.UrlGen;

                    namespace Client;

                    public static class MoreUrls
                    {
                        public static string Model(string server, ServiceModel model) => DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;
                    }
                    """,
                },
            },
            // Two diagnostics in the first document: one at a time takes two rounds there, Fix All one per scope.
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllInDocumentIterations = 2,
            NumberOfFixAllIterations = 1,
            CodeActionEquivalenceKey = nameof(BaseUrlJoinCodeFix),
            CodeActionValidationMode = CodeActionValidationMode.SemanticStructure,
        }.RunAsync();
}
