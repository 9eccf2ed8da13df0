using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>One replacement a fix would make for one diagnostic: the node and what takes its place, with the action's title.</summary>
internal readonly struct FixPlan
{
    public FixPlan(SyntaxNode node, SyntaxNode replacement, string title)
    {
        Node = node;
        Replacement = replacement;
        Title = title;
    }

    public SyntaxNode Node { get; }

    public SyntaxNode Replacement { get; }

    public string Title { get; }
}

/// <summary>Plans the replacement for one diagnostic; null when this site cannot be fixed.</summary>
internal delegate FixPlan? FixPlanner(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken);

/// <summary>
/// Registers planned fixes and fixes all of a document in one pass. Fix All is a document-based provider of its own rather
/// than the batch fixer: the batch fixer (and <c>dotnet format</c>, which takes the equivalence key from the first
/// diagnostic's action) fixes nothing when the first diagnostic has no fix, even where later ones have.
/// </summary>
internal static class PlannedFix
{
    public static async Task RegisterAsync(CodeFixContext context, FixPlanner planner, string equivalenceKey)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (planner(root, model, diagnostic, context.CancellationToken) is { } plan)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, ct => FixedDocument.ReplaceAsync(context.Document, plan.Node, plan.Replacement, ct), equivalenceKey: equivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Fix All: every fixable diagnostic of each document, whatever comes first; overlapping sites keep the first.</summary>
    public static FixAllProvider FixAll(FixPlanner planner)
        => FixAllProvider.Create(async (context, document, diagnostics) => await FixDocumentAsync(document, diagnostics, planner, context.CancellationToken).ConfigureAwait(false));

    private static async Task<Document?> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, FixPlanner planner, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (planner(root, model, diagnostic, cancellationToken) is { } plan
                && !replacements.Keys.Any(node => node.FullSpan.OverlapsWith(plan.Node.FullSpan)))
            {
                replacements.Add(plan.Node, plan.Replacement.WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        if (replacements.Count == 0)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
        return await FixedDocument.CleanUpAsync(changed, cancellationToken).ConfigureAwait(false);
    }
}
