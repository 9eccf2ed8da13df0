using System.Diagnostics;
using System.Globalization;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// <c>--interleaved N</c>: times <see cref="ResolveBenchmarks"/>' Resolve and <c>new Uri(serverUri, baseUrl)</c> in
/// alternation, N rounds of 1,000 invocations each, so that a machine shared with other builds slows both alike; prints
/// the minimum, first quartile and median per operation and the allocation per operation.
/// </summary>
internal static class Interleaved
{
    private const int Invocations = 1_000;
    private const int WarmUpRounds = 10;

    public static void Run(int rounds)
    {
        Console.WriteLine($"{rounds} rounds after {WarmUpRounds} warm-up rounds; ns per operation (one server/base_url pair)");
        Console.WriteLine("| Inputs | Method | Min | Q1 | Median | Allocated | Ratio (median) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var inputs in new[] { "relative", "gateway", "mix" })
        {
            var benchmark = new ResolveBenchmarks { Inputs = inputs };
            benchmark.Setup();
            var methods = new (string Name, Func<Uri> Run)[] { ("DstackUrl.Resolve", benchmark.DstackUrlResolve), ("new Uri(serverUri, baseUrl)", benchmark.NewUriRelative) };
            var times = methods.Select(_ => new List<double>()).ToArray();
            for (int round = -WarmUpRounds; round < rounds; round++)
            {
                for (int m = 0; m < methods.Length; m++)
                {
                    var time = Stopwatch.StartNew();
                    for (int i = 0; i < Invocations; i++)
                    {
                        methods[m].Run();
                    }

                    if (round >= 0)
                    {
                        times[m].Add(time.Elapsed.TotalNanoseconds / (Invocations * ResolveBenchmarks.Operations));
                    }
                }
            }

            double baseline = Median(times[1]);
            for (int m = 0; m < methods.Length; m++)
            {
                var sorted = times[m].Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {inputs} | {methods[m].Name} | {sorted[0]:F1} | {sorted[sorted.Count / 4]:F1} | {Median(sorted):F1} | {Allocated(methods[m].Run)} B | {Median(sorted) / baseline:F2} |"));
            }
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Allocated(Func<Uri> run)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        return (GC.GetAllocatedBytesForCurrentThread() - before) / ResolveBenchmarks.Operations;
    }
}
