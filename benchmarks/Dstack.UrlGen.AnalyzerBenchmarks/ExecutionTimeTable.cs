using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>
/// The figure the issue asks for: the analyzers' own execution time as Roslyn logs it
/// (CompilationWithAnalyzers, logAnalyzerExecutionTime), DSTK vs CA1845, over several runs, as a markdown table.
/// Every run is also checked to find exactly the diagnostics the synthetic code holds.
/// </summary>
internal static class ExecutionTimeTable
{
    public static async Task<int> RunAsync(int files, int runs)
    {
        CSharpCompilation compilation = SyntheticCode.Create(files);
        ImmutableArray<DiagnosticAnalyzer> dstack = AnalyzerRun.Dstack();
        ImmutableArray<DiagnosticAnalyzer> ca1845 = [NetAnalyzersCa1845.Create()];
        var wall = Stopwatch.StartNew();
        var rows = new List<string>();
        foreach (AnalysisMode mode in Enum.GetValues<AnalysisMode>())
        {
            var dstackTimes = new List<double>();
            var caTimes = new List<double>();
            var perAnalyzer = dstack.Select(_ => new List<double>()).ToArray();
            for (int run = 0; run <= runs; run++)
            {
                // Run 0 warms up and is not counted; the order alternates so neither set always runs second.
                bool dstackFirst = run % 2 == 0;
                var first = await AnalyzerRun.RunAsync(compilation, dstackFirst ? dstack : ca1845, mode);
                var second = await AnalyzerRun.RunAsync(compilation, dstackFirst ? ca1845 : dstack, mode);
                var (dstackRun, caRun) = dstackFirst ? (first, second) : (second, first);
                Check(dstackRun.Diagnostics, files, "DSTK");
                Check(caRun.Diagnostics, files, "CA1845");
                if (run == 0)
                {
                    continue;
                }

                dstackTimes.Add(dstackRun.ExecutionTimes.Sum(t => t.TotalMilliseconds));
                caTimes.Add(caRun.ExecutionTimes.Sum(t => t.TotalMilliseconds));
                for (int i = 0; i < dstack.Length; i++)
                {
                    perAnalyzer[i].Add(dstackRun.ExecutionTimes[i].TotalMilliseconds);
                }
            }

            rows.Add(Row(mode, "DSTK analyzers (all 5)", dstackTimes, Median(dstackTimes) / Median(caTimes)));
            rows.Add(Row(mode, "CA1845 UseSpanBasedStringConcat", caTimes, 1));
            for (int i = 0; i < dstack.Length; i++)
            {
                rows.Add(Row(mode, "… " + dstack[i].GetType().Name, perAnalyzer[i], Median(perAnalyzer[i]) / Median(caTimes)));
            }
        }

        Console.WriteLine($"Synthetic compilation: {files} files; per mode {runs} measured runs (+1 warm-up); {wall.Elapsed.TotalSeconds:F0} s in all.");
        Console.WriteLine($"Roslyn {typeof(CSharpCompilation).Assembly.GetName().Version}, .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| Mode | Analyzers | Median execution time (ms) | Min (ms) | Max (ms) | ÷ CA1845 median |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        return 0;
    }

    private static void Check(ImmutableArray<Diagnostic> diagnostics, int files, string prefix)
    {
        int withMistakes = SyntheticCode.FilesWithMistakes(files);
        foreach ((string id, int perFile) in SyntheticCode.ExpectedPerFileWithMistakes.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)))
        {
            int found = diagnostics.Count(d => d.Id == id);
            if (found != perFile * withMistakes)
            {
                throw new InvalidOperationException($"{id}: found {found} diagnostics, the synthetic code holds {perFile * withMistakes}.");
            }
        }

        if (diagnostics.FirstOrDefault(d => !SyntheticCode.ExpectedPerFileWithMistakes.ContainsKey(d.Id) && d.Id.StartsWith(prefix, StringComparison.Ordinal)) is { } unexpected)
        {
            throw new InvalidOperationException($"Unexpected diagnostic in the synthetic code: {unexpected}");
        }
    }

    private static string Row(AnalysisMode mode, string name, List<double> times, double ratio)
        => string.Create(CultureInfo.InvariantCulture, $"| {mode} | {name} | {Median(times):F0} | {times.Min():F0} | {times.Max():F0} | {ratio:F2} |");

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
