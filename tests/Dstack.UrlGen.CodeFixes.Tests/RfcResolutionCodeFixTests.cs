using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

public class RfcResolutionCodeFixTests
{
    [Fact]
    public Task New_Uri_with_a_base_becomes_Resolve_and_gets_a_using()
        => Verify<RfcResolutionCodeFix>.FixAsync(
            """
            using System;

            namespace Client;

            public static class Urls
            {
                public static Uri Model(Uri server, Dstack.UrlGen.DstackModelEndpoint endpoint) => {|DSTK0002:new Uri(server, endpoint.BaseUrl)|};
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            namespace Client;

            public static class Urls
            {
                public static Uri Model(Uri server, Dstack.UrlGen.DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl);
            }
            """);

    [Fact]
    public Task Target_typed_new_becomes_Resolve()
        => Verify<RfcResolutionCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                {
                    Uri url = {|DSTK0002:new(server, endpoint.BaseUrl)|};
                    return url;
                }
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                {
                    Uri url = DstackUrl.Resolve(server, endpoint.BaseUrl);
                    return url;
                }
            }
            """);

    [Fact]
    public Task TryCreate_becomes_TryResolve_keeping_the_out_variable()
        => Verify<RfcResolutionCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(Uri server, DstackModelEndpoint endpoint)
                    => {|DSTK0002:Uri.TryCreate(server, endpoint.BaseUrl, out var url)|} ? url.AbsoluteUri : "";
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static string Model(Uri server, DstackModelEndpoint endpoint)
                    => DstackUrl.TryResolve(server, endpoint.BaseUrl, out var url, out _) ? url.AbsoluteUri : "";
            }
            """);

    [Fact]
    public Task TryCreate_into_an_existing_variable_keeps_it()
        => Verify<RfcResolutionCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                {
                    Uri url;
                    if (!{|DSTK0002:Uri.TryCreate(server, endpoint.BaseUrl, out url)|})
                    {
                        url = server;
                    }

                    return url;
                }
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                {
                    Uri url;
                    if (!DstackUrl.TryResolve(server, endpoint.BaseUrl, out url, out _))
                    {
                        url = server;
                    }

                    return url;
                }
            }
            """);

    [Fact]
    public Task Relative_Uri_made_in_place_is_replaced_by_its_string()
        => Verify<RfcResolutionCodeFix>.FixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                    => {|DSTK0002:new Uri(server, new Uri(endpoint.BaseUrl, UriKind.Relative))|};

                public static bool TryModel(Uri server, DstackModelEndpoint endpoint, out Uri url)
                    => {|DSTK0002:Uri.TryCreate(server, new Uri(endpoint.BaseUrl.Trim(), UriKind.Relative), out url)|};
            }
            """,
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                    => DstackUrl.Resolve(server, endpoint.BaseUrl);

                public static bool TryModel(Uri server, DstackModelEndpoint endpoint, out Uri url)
                    => DstackUrl.TryResolve(server, endpoint.BaseUrl.Trim(), out url, out _);
            }
            """);

    [Fact]
    public Task No_fix_when_the_relative_Uri_was_made_elsewhere()
        => Verify<RfcResolutionCodeFix>.NoFixAsync(
            """
            using System;
            using Dstack.UrlGen;

            public static class Urls
            {
                public static Uri Model(Uri server, DstackModelEndpoint endpoint)
                {
                    Uri relative = {|DSTK0004:new Uri(endpoint.BaseUrl, UriKind.Relative)|};
                    return {|DSTK0002:new Uri(server, relative)|};
                }
            }
            """);

    [Fact]
    public Task No_fix_for_an_HttpClient_request()
        => Verify<RfcResolutionCodeFix>.NoFixAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;
            using Dstack.UrlGen;

            public static class Calls
            {
                public static Task<HttpResponseMessage> Ping(HttpClient http, DstackModelEndpoint endpoint) => {|DSTK0002:http.GetAsync(endpoint.BaseUrl)|};
            }
            """);

    [Fact]
    public Task Fix_all_rewrites_both_forms()
        => new DstackCodeFixTest<RfcResolutionCodeFix>
        {
            TestCode = """
                using System;
                using Dstack.UrlGen;

                public static class Urls
                {
                    public static Uri Model(Uri server, DstackModelEndpoint endpoint) => {|DSTK0002:new Uri(server, endpoint.BaseUrl)|};
                    public static bool TryModel(Uri server, DstackModelEndpoint endpoint, out Uri url) => {|DSTK0002:Uri.TryCreate(server, endpoint.BaseUrl, out url)|};
                }
                """,
            FixedCode = """
                using System;
                using Dstack.UrlGen;

                public static class Urls
                {
                    public static Uri Model(Uri server, DstackModelEndpoint endpoint) => DstackUrl.Resolve(server, endpoint.BaseUrl);
                    public static bool TryModel(Uri server, DstackModelEndpoint endpoint, out Uri url) => DstackUrl.TryResolve(server, endpoint.BaseUrl, out url, out _);
                }
                """,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
            CodeActionEquivalenceKey = nameof(RfcResolutionCodeFix),
        }.RunAsync();
}
