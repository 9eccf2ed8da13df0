using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>How the analyzers are asked for diagnostics.</summary>
public enum AnalysisMode
{
    /// <summary>GetAnalyzerDiagnosticsAsync on the whole compilation, as <c>dotnet build</c> does; the compiler binds in the background meanwhile.</summary>
    Compilation,

    /// <summary>GetAnalyzerSemanticDiagnosticsAsync one document after another, as an IDE does.</summary>
    Documents,
}

/// <summary>One analysis of the synthetic compilation with execution times logged per analyzer.</summary>
internal static class AnalyzerRun
{
    public static ImmutableArray<DiagnosticAnalyzer> Dstack() =>
    [
        new BaseUrlJoinAnalyzer(),
        new RfcResolutionAnalyzer(),
        new ProxyPathAnalyzer(),
        new StandaloneUriAnalyzer(),
        new DeclarationAnalyzer(),
    ];

    /// <summary>Runs <paramref name="analyzers"/> and returns their diagnostics and each one's execution time, in order.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<TimeSpan> ExecutionTimes)> RunAsync(
        Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalysisMode mode)
    {
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => throw new InvalidOperationException($"{analyzer} threw.", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true);
        var withAnalyzers = compilation.WithAnalyzers(analyzers, options);

        ImmutableArray<Diagnostic> diagnostics;
        if (mode == AnalysisMode.Compilation)
        {
            // Bind everything first: otherwise the compiler binds on other threads while the analyzers run, and the
            // analyzers' wall times take in whatever the machine's scheduler and garbage collector do meanwhile.
            _ = withAnalyzers.Compilation.GetDiagnostics();

            // …and start from a collected heap, so that a collection of the binding's garbage does not land in an analyzer's time.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }
        else
        {
            // Compilation-end rules (DSTK0106) do not run this way; the synthetic code declares no model anyway.
            var perDocument = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (SyntaxTree tree in withAnalyzers.Compilation.SyntaxTrees)
            {
                SemanticModel model = withAnalyzers.Compilation.GetSemanticModel(tree);
                perDocument.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None));
            }

            diagnostics = perDocument.ToImmutable();
        }

        var times = ImmutableArray.CreateBuilder<TimeSpan>(analyzers.Length);
        foreach (DiagnosticAnalyzer analyzer in analyzers)
        {
            times.Add((await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime);
        }

        return (diagnostics, times.MoveToImmutable());
    }
}
