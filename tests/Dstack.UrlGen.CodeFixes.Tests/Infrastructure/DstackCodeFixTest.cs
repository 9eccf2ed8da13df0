using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// A code-fix test with all DSTK analyzers, .NET 8 reference assemblies and the runtime library referenced, so that
/// the fixed code is compiled against the real <c>DstackUrl</c> and must produce no compiler error.
/// </summary>
internal sealed class DstackCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public DstackCodeFixTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        SolutionTransforms.Add((solution, projectId) => solution.AddMetadataReference(projectId, RuntimeReference.Reference));
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => DstackAnalyzers.All;
}
