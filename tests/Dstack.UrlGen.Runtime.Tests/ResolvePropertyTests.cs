using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Dstack.UrlGen.Tests;

/// <summary>The resolver's invariants (docs/resolver.md), each checked on 10,000 generated inputs with a fixed seed.</summary>
public class ResolvePropertyTests(ITestOutputHelper output)
{
    private static readonly DstackUrlOptions AllowHttp = new() { AllowInsecureHttp = true };

    [Fact]
    public void An_accepted_relative_input_stays_on_the_server_under_its_path()
    {
        int accepted = 0;
        var gen = Gen.Select(UrlGenerators.Server, Gen.Frequency((3, UrlGenerators.PlausibleRelative.Select(s => (string?)s)), (1, UrlGenerators.AdversarialBaseUrl)));

        PropertyRunner.ForAll(gen, seed: 20260708, t =>
        {
            var (server, baseUrl) = t;
            if (!DstackUrl.TryResolve(server, baseUrl, out var url, out _, AllowHttp) || DstackUrl.Classify(baseUrl!) != DstackUrlKind.Server)
            {
                return;
            }

            accepted++;
            Assert.Equal(server.Scheme, url!.Scheme);
            Assert.Equal(server.IdnHost, url.IdnHost);
            Assert.Equal(server.Port, url.Port);
            Assert.Equal(string.Empty, url.UserInfo);
            Assert.Equal(string.Empty, url.Fragment);
            Assert.StartsWith(server.AbsolutePath.TrimEnd('/') + "/", url.AbsolutePath, StringComparison.Ordinal);
        });

        output.WriteLine($"{accepted} of {PropertyRunner.Iterations} inputs were accepted relative paths.");
        Assert.True(accepted > PropertyRunner.Iterations / 2, $"only {accepted} accepted relative inputs: the generator no longer exercises the property");
    }

    [Fact]
    public void A_result_is_never_anything_but_an_absolute_http_or_https_url()
    {
        int accepted = 0;
        var gen = Gen.Select(UrlGenerators.Server, UrlGenerators.AdversarialBaseUrl, Gen.Bool);

        PropertyRunner.ForAll(gen, seed: 11, t =>
        {
            var (server, baseUrl, allowHttp) = t;
            if (!DstackUrl.TryResolve(server, baseUrl, out var url, out var error, allowHttp ? AllowHttp : null))
            {
                Assert.Null(url);
                Assert.NotEqual(DstackUrlError.None, error);
                return;
            }

            accepted++;
            Assert.True(url!.IsAbsoluteUri);
            Assert.Contains(url.Scheme, new[] { Uri.UriSchemeHttp, Uri.UriSchemeHttps });
            Assert.False(string.IsNullOrEmpty(url.IdnHost), url.AbsoluteUri);
            Assert.Equal(string.Empty, url.UserInfo);
            Assert.Equal(string.Empty, url.Fragment);
        });

        output.WriteLine($"{accepted} of {PropertyRunner.Iterations} adversarial inputs were accepted.");
        Assert.True(accepted > 100, $"only {accepted} adversarial inputs accepted: the generator no longer reaches the success path");
    }

    [Fact]
    public void Resolve_throws_nothing_but_DstackUrlException_or_ArgumentNullException_for_a_null_server()
    {
        var counts = new Dictionary<string, int>();
        var gen = Gen.Select(UrlGenerators.AdversarialServer, UrlGenerators.AdversarialBaseUrl);

        PropertyRunner.ForAll(gen, seed: 42, t =>
        {
            var (server, baseUrl) = t;
            string outcome;
            try
            {
                DstackUrl.Resolve(server!, baseUrl!);
                outcome = "accepted";
            }
            catch (ArgumentNullException) when (server is null)
            {
                outcome = "null server";
            }
            catch (DstackUrlException ex)
            {
                Assert.Equal(baseUrl, ex.BaseUrl);
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                outcome = ex.Error.ToString();
            }

            if (server is not null)
            {
                // TryResolve never throws for a non-null server, and agrees with Resolve.
                bool ok = DstackUrl.TryResolve(server, baseUrl, out _, out var error);
                Assert.Equal(outcome == "accepted", ok);
                Assert.Equal(ok ? "accepted" : error.ToString(), outcome);
            }

            lock (counts)
            {
                counts[outcome] = counts.GetValueOrDefault(outcome) + 1;
            }
        });

        output.WriteLine(string.Join(", ", counts.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key}: {kv.Value}")));
        var reached = Enum.GetValues<DstackUrlError>().Where(e => e != DstackUrlError.None).Count(e => counts.ContainsKey(e.ToString()));
        Assert.True(reached >= 10, $"the generator reached only {reached} kinds of error");
    }

    [Fact]
    public void A_result_from_any_server_has_the_ascii_host_of_that_server()
    {
        int accepted = 0;
        var gen = Gen.Select(UrlGenerators.AdversarialServerHost, Gen.OneOf("/proxy/models/main/", "https://gw.example.com/v1"));

        PropertyRunner.ForAll(gen, seed: 2028, t =>
        {
            var (server, baseUrl) = t;
            if (!DstackUrl.TryResolve(server, baseUrl, out var url, out _))
            {
                return;
            }

            accepted++;
            string host = url.IdnHost;
            Assert.All(host, c => Assert.InRange(c, '!', '~'));
            Assert.Equal(url.HostNameType == UriHostNameType.IPv6 ? "[" + host + "]" : host, url.Host);
            if (baseUrl.StartsWith('/'))
            {
                Assert.Equal(new Uri(server).IdnHost, host);
            }
        });

        output.WriteLine($"{accepted} of {PropertyRunner.Iterations} inputs were accepted.");
        Assert.True(accepted > 300, $"only {accepted} accepted: the generator no longer reaches the success path");
    }

    [Fact]
    public void TryResolve_never_throws_for_a_non_null_server_uri()
    {
        var gen = Gen.Select(UrlGenerators.AdversarialServer, UrlGenerators.AdversarialBaseUrl);

        PropertyRunner.ForAll(gen, seed: 7, t =>
        {
            var (server, baseUrl) = t;
            if (server is null || !Uri.TryCreate(server, UriKind.RelativeOrAbsolute, out var serverUri))
            {
                return;
            }

            bool ok = DstackUrl.TryResolve(serverUri, baseUrl, out var url, out var error, AllowHttp);
            Assert.Equal(ok, url is not null);
            Assert.Equal(ok, error == DstackUrlError.None);
        });
    }

    [Fact]
    public void Classify_accepts_exactly_what_Resolve_accepts_from_an_http_server()
    {
        var server = new Uri("http://localhost:3000/p");

        PropertyRunner.ForAll(UrlGenerators.AdversarialBaseUrl, seed: 3, baseUrl =>
        {
            bool ok = DstackUrl.TryResolve(server, baseUrl, out _, out var error);
            DstackUrlError classifyError;
            try
            {
                DstackUrl.Classify(baseUrl!);
                classifyError = DstackUrlError.None;
            }
            catch (DstackUrlException ex)
            {
                classifyError = ex.Error;
            }

            Assert.Equal(error, classifyError);
            Assert.Equal(ok, classifyError == DstackUrlError.None);
        });
    }

    [Fact]
    public void Non_ascii_and_spaces_in_a_path_come_out_percent_encoded_as_utf8()
    {
        var gen = Gen.Select(UrlGenerators.Server, UrlGenerators.PlausiblePath, Gen.Bool);

        PropertyRunner.ForAll(gen, seed: 99, t =>
        {
            var (server, path, gateway) = t;
            const string Gateway = "https://gw.example.com/";

            // Spaces at the ends are trimmed as white space; the rest of the path is what must come out encoded.
            string baseUrl = (gateway ? Gateway + path.TrimStart('/') : path).Trim(' ');
            if (baseUrl.Length == 0)
            {
                return;
            }

            string expectedPath = gateway
                ? "/" + PercentEncodeUtf8(baseUrl.Substring(Gateway.Length))
                : server.AbsolutePath.TrimEnd('/') + "/" + PercentEncodeUtf8(baseUrl.TrimStart('/'));

            var url = DstackUrl.Resolve(server, baseUrl);

            Assert.Equal(expectedPath, url.AbsolutePath);
            Assert.All(url.AbsoluteUri, c => Assert.InRange(c, '!', '~'));
        });
    }

    /// <summary>What WHATWG's path percent-encode set does to these characters: space and every non-ASCII scalar as %XX of its UTF-8.</summary>
    private static string PercentEncodeUtf8(string path)
    {
        var sb = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in path.EnumerateRunes())
        {
            if (rune.Value > 0x20 && rune.Value < 0x7F)
            {
                sb.Append((char)rune.Value);
                continue;
            }

            int length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }
}
