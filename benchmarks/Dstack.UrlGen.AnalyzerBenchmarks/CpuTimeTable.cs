using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>
/// The same comparison on a machine shared with other work: the process's CPU time (not wall time) of one whole-compilation
/// analysis, less that of a baseline analyzer that only makes the driver build every operation tree. Wall times, which
/// <see cref="ExecutionTimeTable"/> reads, grow with the machine's load; CPU time much less.
/// </summary>
internal static class CpuTimeTable
{
    public static async Task<int> RunAsync(int files, int runs)
    {
        CSharpCompilation compilation = SyntheticCode.Create(files);
        var sets = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
        {
            ("baseline (operation trees only)", [new OperationTreesOnly()]),
            ("DSTK analyzers (all 5)", AnalyzerRun.Dstack()),
            ("CA1845 UseSpanBasedStringConcat", [NetAnalyzersCa1845.Create()]),
        };

        var times = sets.Select(_ => new List<double>()).ToArray();
        for (int run = 0; run <= runs; run++)
        {
            for (int i = 0; i < sets.Length; i++)
            {
                // Rotate the order so no set always runs right after another.
                int index = (i + run) % sets.Length;
                double cpu = await CpuAsync(compilation, sets[index].Analyzers);
                if (run > 0)
                {
                    times[index].Add(cpu);
                }
            }
        }

        double baseline = Median(times[0]);
        double ca = Median(times[2]) - baseline;
        Console.WriteLine($"Synthetic compilation: {files} files; {runs} measured runs (+1 warm-up) per set; process CPU time of GetAnalyzerDiagnosticsAsync.");
        Console.WriteLine();
        Console.WriteLine("| Analyzers | Median CPU (ms) | Min (ms) | Max (ms) | less baseline (ms) | ÷ CA1845 |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < sets.Length; i++)
        {
            double own = Median(times[i]) - baseline;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {sets[i].Name} | {Median(times[i]):F0} | {times[i].Min():F0} | {times[i].Max():F0} | {(i == 0 ? 0 : own):F0} | {(i == 0 ? "" : (own / ca).ToString("F2", CultureInfo.InvariantCulture))} |"));
        }

        return 0;
    }

    private static async Task<double> CpuAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw.", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
        _ = withAnalyzers.Compilation.GetDiagnostics();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Makes the driver build the operation tree of every body, and does nothing with it.</summary>
    /// <remarks>Run in this process only, never shipped: the rules for analyzers that ship (RS1036, RS1041, RS2008) do not apply.</remarks>
#pragma warning disable RS1036, RS1041, RS2008
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    private sealed class OperationTreesOnly : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Unused = new("BASE0001", "Unused", "Unused", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Unused];

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationBlockAction(_ => { });
        }
    }
#pragma warning restore RS1036, RS1041, RS2008
}
