using Xunit.Abstractions;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// Checks the resolver against an independent corpus: it never accepts an input that a browser (WHATWG URL parser)
/// would send to another origin than the one the resolver names, so the bearer token never goes where the user
/// would not expect it.
/// </summary>
public class WptCorpusTests(ITestOutputHelper output)
{
    private static readonly DstackUrlOptions AllowHttp = new() { AllowInsecureHttp = true };

    [Fact]
    public void Never_accepts_an_input_whose_whatwg_href_leaves_the_origin_it_names()
    {
        int withHttpBase = 0, serverRefused = 0, refused = 0, relative = 0, gateway = 0;
        var violations = new List<string>();

        foreach (var c in WptCorpus.Cases().Where(c => c.HasHttpBase))
        {
            withHttpBase++;
            if (!Uri.TryCreate(c.Base, UriKind.Absolute, out var server))
            {
                refused++;
                serverRefused++;
                continue;
            }

            if (!DstackUrl.TryResolve(server, c.Input, out var url, out var error, AllowHttp))
            {
                refused++;
                serverRefused += error == DstackUrlError.InvalidServerUrl ? 1 : 0;
                continue;
            }

            if (DstackUrl.Classify(c.Input) == DstackUrlKind.Server)
            {
                relative++;
                if (!WptCorpus.SameOrigin(c, server))
                {
                    violations.Add($"relative {c}: WHATWG leaves the server {WptCorpus.Describe(server)}");
                }
            }
            else
            {
                gateway++;
                if (!WptCorpus.SameOrigin(c, url!))
                {
                    violations.Add($"gateway {c}: we resolve to {url!.AbsoluteUri} ({WptCorpus.Describe(url)})");
                }
            }
        }

        output.WriteLine($"{withHttpBase} cases with an http(s) base checked: {relative} accepted as relative, {gateway} as gateway, "
            + $"{refused} refused ({serverRefused} of them for the base as server URL).");
        Assert.True(withHttpBase >= 190, $"only {withHttpBase} cases with an http(s) base in the corpus");
        Assert.True(relative >= 10, $"only {relative} relative inputs accepted: the check no longer bites");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void A_gateway_url_we_accept_has_the_origin_a_browser_gives_it()
    {
        var server = new Uri("https://dstack.example.com/some/prefix");
        int checkedCases = 0, gateway = 0;
        var violations = new List<string>();

        foreach (var c in WptCorpus.Cases())
        {
            checkedCases++;
            if (!DstackUrl.TryResolve(server, c.Input, out var url, out _, AllowHttp) || DstackUrl.Classify(c.Input) != DstackUrlKind.Gateway)
            {
                continue;
            }

            // An absolute http(s)://… input does not depend on the case's base, so every case counts.
            gateway++;
            if (!WptCorpus.SameOrigin(c, url!))
            {
                violations.Add($"{c}: we resolve to {url!.AbsoluteUri} ({WptCorpus.Describe(url)})");
            }
        }

        output.WriteLine($"{checkedCases} cases checked, {gateway} accepted as gateway URLs.");
        Assert.True(checkedCases >= 800, $"only {checkedCases} cases in the corpus");
        Assert.True(gateway >= 30, $"only {gateway} gateway URLs accepted: the check no longer bites");
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
