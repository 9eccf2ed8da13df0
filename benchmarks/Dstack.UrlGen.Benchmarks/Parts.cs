using System.Diagnostics;
using System.Globalization;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// <c>--parts N</c>: what one Resolve is made of, each part timed alone over <see cref="ResolveBenchmarks"/>' ten
/// relative and ten gateway pairs (N rounds of 1,000 passes, Q1 per operation): the Uri parse Resolve ends with, the
/// join, the scan (Classify of a path is the scan alone; of a gateway URL, the scan and the parse), and the whole.
/// </summary>
internal static class Parts
{
    public static void Run(int rounds)
    {
        var relative = ResolveBenchmarks.Relative;
        var gateway = ResolveBenchmarks.Gateway;
        var relativeServers = relative.Select(p => new Uri(p.Server)).ToArray();
        var gatewayServers = gateway.Select(p => new Uri(p.Server)).ToArray();
        var joined = relative.Select((p, i) => DstackUrl.Resolve(relativeServers[i], p.BaseUrl).OriginalString).ToArray();
        var options = new DstackUrlOptions { AllowInsecureHttp = true };
        var parts = new (string Name, Func<int, int> Run)[]
        {
            ("relative: new Uri(serverUri, baseUrl)", i => new Uri(relativeServers[i], relative[i].BaseUrl).OriginalString.Length),
            ("relative: new Uri(joined result string)", i => new Uri(joined[i], UriKind.Absolute).OriginalString.Length),
            ("relative: string.Concat of server, '/', path", i => string.Concat(relative[i].Server.AsSpan(), "/", relative[i].BaseUrl.AsSpan(1)).Length),
            ("relative: Classify (the scan)", i => (int)DstackUrl.Classify(relative[i].BaseUrl)),
            ("relative: Resolve", i => DstackUrl.Resolve(relativeServers[i], relative[i].BaseUrl).OriginalString.Length),
            ("gateway: new Uri(serverUri, baseUrl)", i => new Uri(gatewayServers[i], gateway[i].BaseUrl).OriginalString.Length),
            ("gateway: new Uri(baseUrl)", i => new Uri(gateway[i].BaseUrl, UriKind.Absolute).OriginalString.Length),
            ("gateway: Classify (the scan and new Uri(baseUrl))", i => (int)DstackUrl.Classify(gateway[i].BaseUrl)),
            ("gateway: Resolve", i => DstackUrl.Resolve(gatewayServers[i], gateway[i].BaseUrl, options).OriginalString.Length),
        };
        Console.WriteLine("| Part | Q1 ns | Median ns |");
        Console.WriteLine("|---|---:|---:|");

        // Two passes over all parts, the first only to let the JIT finish with each; the second is printed.
        foreach (var (name, run) in parts.Concat(parts).Select((p, n) => (n < parts.Length ? null : p.Name, p.Run)))
        {
            var times = new List<double>();
            for (int round = -10; round < rounds; round++)
            {
                var time = Stopwatch.StartNew();
                for (int pass = 0; pass < 1_000; pass++)
                {
                    for (int i = 0; i < relative.Length; i++)
                    {
                        run(i);
                    }
                }

                if (round >= 0)
                {
                    times.Add(time.Elapsed.TotalNanoseconds / (1_000 * relative.Length));
                }
            }

            times.Sort();
            if (name is null)
            {
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 4]:F1} | {times[times.Count / 2]:F1} |"));
        }
    }
}
