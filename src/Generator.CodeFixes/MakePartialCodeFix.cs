using System.Collections.Immutable;
using System.Composition;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>
/// DSTK0101: adds <c>partial</c> to every declaration of the [DstackModel] type that lacks it, in whichever document
/// each declaration lives, right before the <c>class</c> (or <c>record</c>) keyword as C# requires.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakePartialCodeFix)), Shared]
public sealed class MakePartialCodeFix : CodeFixProvider
{
    internal const string EquivalenceKey = nameof(MakePartialCodeFix);

    private const string Title = "Make the type partial";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TypeNotPartial);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            if (span.End > root.FullSpan.End
                || root.FindNode(span).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } declaration
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not INamedTypeSymbol type
                || !type.DeclaringSyntaxReferences.Any(reference => !IsPartial(reference.GetSyntax(context.CancellationToken))))
            {
                continue;
            }

            var solution = context.Document.Project.Solution;
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => AddPartialAsync(solution, type.DeclaringSyntaxReferences, ct), equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Solution> AddPartialAsync(Solution solution, ImmutableArray<SyntaxReference> declarations, CancellationToken cancellationToken)
    {
        foreach (var byTree in declarations.GroupBy(reference => reference.SyntaxTree))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue;
            }

            var root = await byTree.Key.GetRootAsync(cancellationToken).ConfigureAwait(false);
            var targets = byTree
                .Select(reference => reference.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Where(declaration => !IsPartial(declaration))
                .ToList();
            if (targets.Count > 0)
            {
                solution = solution.WithDocumentSyntaxRoot(document.Id, root.ReplaceNodes(targets, (_, declaration) => AddPartial(declaration)));
            }
        }

        return solution;
    }

    private static bool IsPartial(SyntaxNode declaration)
        => declaration is not TypeDeclarationSyntax type || type.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// <c>partial</c> goes last among the modifiers. Without modifiers it takes over the keyword's leading trivia
    /// (the indentation after an attribute line), so the layout stays as it was.
    /// </summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        var partial = SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.WithModifiers(declaration.Modifiers.Add(partial));
        }

        var keyword = declaration.Keyword;
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial.WithLeadingTrivia(keyword.LeadingTrivia)));
    }
}
