using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

public class StandaloneUriCodeFixTests
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
    public Task Absolute_check_becomes_Classify_and_gets_a_using()
        => Verify<StandaloneUriCodeFix>.FixAsync(
            """
            using System;

            namespace Client;

            public static class Forms
            {
                public static bool IsGateway(ServiceModel model) => {|DSTK0004:Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _)|};
            }
            """ + Dto,
            """
            using System;
            using Dstack.UrlGen;

            namespace Client;

            public static class Forms
            {
                public static bool IsGateway(ServiceModel model) => DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway;
            }
            """ + Dto);

    [Fact]
    public Task Negated_check_keeps_its_parentheses()
        => Verify<StandaloneUriCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Forms
            {
                public static bool IsServerPath(DstackModelEndpoint endpoint) => !{|DSTK0004:Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out var _)|};
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Forms
            {
                public static bool IsServerPath(DstackModelEndpoint endpoint) => !(DstackUrl.Classify(endpoint.BaseUrl) == DstackUrlKind.Gateway);
            }
            """);

    [Fact]
    public Task No_fix_when_the_parsed_uri_is_used()
        => Verify<StandaloneUriCodeFix>.NoFixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Forms
            {
                public static string Host(DstackModelEndpoint endpoint)
                    => {|DSTK0004:Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out var parsed)|} ? parsed.Host : "";
            }
            """);

    [Fact]
    public Task No_fix_for_new_Uri()
        => Verify<StandaloneUriCodeFix>.NoFixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Forms
            {
                public static Uri Parse(DstackModelEndpoint endpoint) => {|DSTK0004:new Uri(endpoint.BaseUrl)|};
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_every_check()
        => new DstackCodeFixTest<StandaloneUriCodeFix>
        {
            TestCode = """
                using System;
                using Dstack.UrlGen;

                public static class Forms
                {
                    public static bool IsGateway(DstackModelEndpoint endpoint) => {|DSTK0004:Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out _)|};
                    public static string Describe(DstackModelEndpoint endpoint) => {|DSTK0004:Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out _)|} ? "gateway" : "server";
                }
                """,
            FixedCode = """
                using System;
                using Dstack.UrlGen;

                public static class Forms
                {
                    public static bool IsGateway(DstackModelEndpoint endpoint) => DstackUrl.Classify(endpoint.BaseUrl) == DstackUrlKind.Gateway;
                    public static string Describe(DstackModelEndpoint endpoint) => DstackUrl.Classify(endpoint.BaseUrl) == DstackUrlKind.Gateway ? "gateway" : "server";
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            CodeActionEquivalenceKey = nameof(StandaloneUriCodeFix),
        }.RunAsync();
}
