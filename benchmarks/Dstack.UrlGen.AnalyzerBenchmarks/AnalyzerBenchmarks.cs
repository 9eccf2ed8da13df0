using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>
/// Wall time of analysing the synthetic compilation with the DSTK analyzers and with CA1845. Each run re-binds the
/// compilation, so both include the same compile work; the analyzers' own share is <see cref="ExecutionTimeTable"/>'s.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class AnalyzerBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _dstack;
    private ImmutableArray<DiagnosticAnalyzer> _ca1845;

    [Params(2000)]
    public int Files { get; set; }

    [Params(AnalysisMode.Compilation, AnalysisMode.Documents)]
    public AnalysisMode Mode { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _compilation = SyntheticCode.Create(Files);
        _dstack = AnalyzerRun.Dstack();
        _ca1845 = [NetAnalyzersCa1845.Create()];
    }

    [Benchmark(Description = "DSTK0001-0004, DSTK01xx")]
    public Task<(ImmutableArray<Diagnostic>, ImmutableArray<TimeSpan>)> Dstack() => AnalyzerRun.RunAsync(_compilation, _dstack, Mode);

    [Benchmark(Baseline = true, Description = "CA1845 (SDK NetAnalyzers)")]
    public Task<(ImmutableArray<Diagnostic>, ImmutableArray<TimeSpan>)> Ca1845() => AnalyzerRun.RunAsync(_compilation, _ca1845, Mode);
}
