using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>A plain compilation against .NET 8 reference assemblies, for tests that read diagnostics directly (properties, generator agreement).</summary>
internal static class TestCompilation
{
    public static async Task<CSharpCompilation> CreateAsync(params string[] sources)
    {
        ImmutableArray<MetadataReference> references = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, path: $"/src/File{i}.cs"));
        return CSharpCompilation.Create(
            "Consumer",
            trees,
            references.Add(MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The analyzer's diagnostics, ordered by position; fails the test when the code itself does not compile.</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(DiagnosticAnalyzer analyzer, params string[] sources)
    {
        CSharpCompilation compilation = await CreateAsync(sources);
        Diagnostic[] errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create(analyzer))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
