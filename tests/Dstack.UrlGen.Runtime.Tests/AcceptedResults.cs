using CsCheck;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// Every result the resolver accepts in this suite's tables, property generators (fixed seeds) and the WPT corpus, with
/// the input it came from; the differential tests read each one again with other parsers.
/// </summary>
internal static class AcceptedResults
{
    private static readonly DstackUrlOptions AllowHttp = new() { AllowInsecureHttp = true };

    public sealed record Result(Uri Server, string BaseUrl, Uri Url)
    {
        public DstackUrlKind Kind => DstackUrl.Classify(BaseUrl);

        public override string ToString() => $"{PropertyRunner.Show(BaseUrl)} on {Server.OriginalString} -> {PropertyRunner.Show(Url.OriginalString)}";
    }

    private static readonly Lazy<IReadOnlyList<Result>> All = new(Collect);

    public static IReadOnlyList<Result> Get() => All.Value;

    private static IReadOnlyList<Result> Collect()
    {
        var results = new List<Result>();
        void Add(Uri server, string? baseUrl)
        {
            if (DstackUrl.TryResolve(server, baseUrl, out var url, out _, AllowHttp))
            {
                results.Add(new Result(server, baseUrl!, url));
            }
        }

        foreach (var (server, baseUrl, _) in DesignTable.Rows())
        {
            Add(new Uri(server), baseUrl);
        }

        foreach (var c in ProxyUrlCases.MakeProxyUrlCases())
        {
            Add(new Uri(c.ServerUrl), c.ProxyUrl);
        }

        var fixedServer = new Uri("https://dstack.example.com/some/prefix");
        foreach (var c in WptCorpus.Cases())
        {
            Add(fixedServer, c.Input);
            if (c.HasHttpBase && Uri.TryCreate(c.Base, UriKind.Absolute, out var caseServer))
            {
                Add(caseServer, c.Input);
            }
        }

        foreach (var baseUrl in Hosts)
        {
            Add(fixedServer, baseUrl);
        }

        // The property tests' generators, a few thousand inputs each with the seeds those tests use.
        var gen = Gen.Select(UrlGenerators.Server, Gen.Frequency(
            (3, UrlGenerators.PlausibleRelative.Select(s => (string?)s)),
            (1, UrlGenerators.AdversarialBaseUrl),
            (1, UrlGenerators.PlausiblePath.Select(p => (string?)("https://gw.example.com/" + p)))));
        foreach (var seed in new ulong[] { 20260708, 11, 42, 99 })
        {
            PropertyRunner.ForAll(gen, seed, t => Add(t.Item1, t.Item2), iterations: 3_000);
        }

        return results;
    }

    /// <summary>Hosts that parsers are known to read in more than one way, and the ordinary ones next to them.</summary>
    private static readonly string[] Hosts =
    [
        "https://fa\u00DF.de/", "https://fa\u1E9E.de/", "https://\u3250.com/", "https://STRA\u1E9EE.example/", "https://\u03C2.example/",
        "https://a\u200Db.example/", "https://a\u200Cb.example/", "https://ex\u00E4mple.com/v1", "https://xn--fa-hia.de/v1",
        "https://XN--FA-HIA.DE/v1", "https://GW.Example.COM:8443/v1", "https://127.0.0.1:8000/v1", "https://[2001:DB8::1]/v1",
        "https://[::ffff:10.0.0.1]/v1", "https://gw_1.example.com/v1", "https://gw.example.com./v1", "https://gw.example.com:443/v1",
        "http://gw.example.com:80/v1", "https://gw.example.com/caf\u00E9/v1?q=\u00E9", "https://gw.example.com?x@evil.com/",
    ];
}
