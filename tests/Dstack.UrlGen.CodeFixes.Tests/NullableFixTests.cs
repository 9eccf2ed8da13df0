using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>
/// Fixes leave nullable code free of warnings: the fixed code is compiled with compiler warnings checked, so a CS8604
/// fails the test. DstackUrl refuses a null base_url itself (DstackUrlError.Empty), so a <c>string?</c> base_url is passed
/// with <c>!</c> to Resolve; the gateway check, which returned false for null, keeps doing so (docs/rules/DSTK0001.md).
/// </summary>
public class NullableFixTests
{
    private const string Dto = """

        public sealed class ServiceModel
        {
            [System.Text.Json.Serialization.JsonPropertyName("base_url")]
            public string? BaseUrl { get; set; }
        }

        public sealed class Service { public ServiceModel? Model { get; set; } }

        public sealed class Run { public Service? Service { get; set; } }
        """;

    [Fact]
    public Task Nullable_base_url_join_becomes_Resolve_without_CS8604()
        => Run<BaseUrlJoinCodeFix>(
            """
            #nullable enable
            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model) => {|DSTK0001:server + "/" + model.BaseUrl|};
                public static string Chat(string? server, ServiceModel model) => {|DSTK0001:server + model.BaseUrl + "/chat/completions"|};
            }
            """ + Dto,
            """
            #nullable enable
            using Dstack.UrlGen;

            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model) => DstackUrl.Resolve(server, model.BaseUrl!).AbsoluteUri;
                public static string Chat(string? server, ServiceModel model) => DstackUrl.ChatCompletions(DstackUrl.Resolve(server!, model.BaseUrl!)).AbsoluteUri;
            }
            """ + Dto);

    [Fact]
    public Task Non_nullable_base_url_gets_no_null_forgiving_operator()
        => Run<BaseUrlJoinCodeFix>(
            """
            #nullable enable
            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model)
                {
                    string raw = model.BaseUrl ?? throw new System.InvalidOperationException("no base_url");
                    return {|DSTK0001:server + raw|};
                }
            }
            """ + Dto,
            """
            #nullable enable
            using Dstack.UrlGen;

            namespace Client;

            public static class Urls
            {
                public static string Model(string server, ServiceModel model)
                {
                    string raw = model.BaseUrl ?? throw new System.InvalidOperationException("no base_url");
                    return DstackUrl.Resolve(server, raw).AbsoluteUri;
                }
            }
            """ + Dto);

    [Fact]
    public Task Nullable_base_url_resolved_as_rfc_reference_becomes_Resolve_without_CS8604()
        => Run<RfcResolutionCodeFix>(
            """
            #nullable enable
            using System;

            namespace Client;

            public static class Urls
            {
                public static Uri Model(Uri server, ServiceModel model) => {|DSTK0002:new Uri(server, model.BaseUrl)|};
            }
            """ + Dto,
            """
            #nullable enable
            using System;
            using Dstack.UrlGen;

            namespace Client;

            public static class Urls
            {
                public static Uri Model(Uri server, ServiceModel model) => DstackUrl.Resolve(server, model.BaseUrl!);
            }
            """ + Dto);

    [Fact]
    public Task Nullable_base_url_gateway_check_stays_false_for_null()
        => Run<StandaloneUriCodeFix>(
            """
            #nullable enable
            using System;

            namespace Client;

            public static class Forms
            {
                public static bool IsGateway(ServiceModel model) => {|DSTK0004:Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _)|};
            }
            """ + Dto,
            """
            #nullable enable
            using System;
            using Dstack.UrlGen;

            namespace Client;

            public static class Forms
            {
                public static bool IsGateway(ServiceModel model) => model.BaseUrl != null && DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway;
            }
            """ + Dto);

    private static Task Run<TCodeFix>(string source, string fixedSource)
        where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new DstackCodeFixTest<TCodeFix>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };

        // Documentation comments are not what these tests are about.
        test.DisabledDiagnostics.Add("CS1591");
        return test.RunAsync();
    }
}
