using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Applies code fixes the way an IDE does, outside the test framework, so that the fixed text can be compiled and run:
/// analyze, take the first fixable diagnostic, apply its first action, and repeat until none is left.
/// </summary>
internal static class FixApplier
{
    private const int MaxRounds = 50;

    public static async Task<string> ApplyAllAsync(string source, params CodeFixProvider[] providers)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Fixed",
            "Fixed",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: ScratchAssembly.References));
        var document = workspace.AddDocument(project.Id, "Urls.cs", SourceText.From(source));

        for (int round = 0; round < MaxRounds; round++)
        {
            var diagnostic = await FirstFixableAsync(document, providers);
            if (diagnostic is null)
            {
                return (await document.GetTextAsync()).ToString();
            }

            var provider = providers.First(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                throw new InvalidOperationException($"{provider.GetType().Name} offered no fix for {diagnostic}.");
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            document = changed.GetDocument(document.Id)!;
        }

        throw new InvalidOperationException($"Diagnostics were still reported after {MaxRounds} fixes.");
    }

    private static async Task<Diagnostic?> FirstFixableAsync(Document document, CodeFixProvider[] providers)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var ids = providers.SelectMany(p => p.FixableDiagnosticIds).ToImmutableHashSet();
        var diagnostics = await compilation.WithAnalyzers(DstackAnalyzers.All).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => ids.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
    }
}
