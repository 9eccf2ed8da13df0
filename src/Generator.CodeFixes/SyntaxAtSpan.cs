using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>Finds the expression a diagnostic or one of its span properties points at.</summary>
internal static class SyntaxAtSpan
{
    /// <summary>
    /// The expression whose span is exactly <paramref name="span"/>; false when the span is out of the document or
    /// covers something else (a statement, a part of an expression), so that a fix is not offered on a guess.
    /// </summary>
    public static bool TryGetExpression(SyntaxNode root, TextSpan span, out ExpressionSyntax expression)
    {
        expression = null!;
        if (span.End > root.FullSpan.End)
        {
            return false;
        }

        var node = root.FindNode(span, getInnermostNodeForTie: true);
        while (node is not null && node.Span == span && node is not ExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node is ExpressionSyntax found && found.Span == span)
        {
            expression = found;
            return true;
        }

        return false;
    }

    /// <summary>Reads a "start:length" span property and finds the expression there.</summary>
    public static bool TryGetExpression(SyntaxNode root, Diagnostic diagnostic, string property, out ExpressionSyntax expression)
    {
        expression = null!;
        return diagnostic.Properties.TryGetValue(property, out var value)
            && Dstack.UrlGen.Generator.Diagnostics.DiagnosticProperties.TryParse(value, out var span)
            && TryGetExpression(root, span, out expression);
    }
}
