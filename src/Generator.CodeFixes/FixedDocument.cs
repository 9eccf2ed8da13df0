using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>Applies a node replacement and finishes the document the way an IDE refactoring would.</summary>
internal static class FixedDocument
{
    public static async Task<Document> ReplaceAsync(Document document, SyntaxNode oldNode, SyntaxNode newNode, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var changed = document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode.WithAdditionalAnnotations(Formatter.Annotation)));
        return await CleanUpAsync(changed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds the imports the annotated names need, then shortens those names and formats the new code. The order
    /// matters: a name can only be shortened once its namespace is imported.
    /// </summary>
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
