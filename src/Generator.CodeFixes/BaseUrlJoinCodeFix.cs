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
/// DSTK0001: replaces a hand-built join of the server URL and a base_url with <c>DstackUrl.Resolve(server, baseUrl)</c>,
/// wrapped in <c>DstackUrl.ChatCompletions</c> when the join appended "/chat/completions", and followed by
/// <c>.AbsoluteUri</c> when the join built a string.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BaseUrlJoinCodeFix)), Shared]
public sealed class BaseUrlJoinCodeFix : CodeFixProvider
{
    /// <summary>One key for every variant of the rewrite, so that Fix All applies all of them together.</summary>
    internal const string EquivalenceKey = nameof(BaseUrlJoinCodeFix);

    private const string ResolveTitle = "Use DstackUrl.Resolve";
    private const string ChatCompletionsTitle = "Use DstackUrl.ChatCompletions(DstackUrl.Resolve(…))";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BaseUrlJoinedByHand);

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
            if (TryPlan(root, model, diagnostic, context.CancellationToken, out var join, out var replacement, out bool chat))
            {
                string title = chat ? ChatCompletionsTitle : ResolveTitle;
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => FixedDocument.ReplaceAsync(context.Document, join, replacement, ct), equivalenceKey: EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static bool TryPlan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken, out ExpressionSyntax join, out ExpressionSyntax replacement, out bool chat)
    {
        replacement = null!;
        chat = diagnostic.Properties.TryGetValue(DiagnosticProperties.Suffix, out var suffix) && suffix == "ChatCompletions";
        if (!SyntaxAtSpan.TryGetExpression(root, diagnostic.Location.SourceSpan, out join)
            || !SyntaxAtSpan.TryGetExpression(root, diagnostic, DiagnosticProperties.ServerSpan, out var server)
            || !SyntaxAtSpan.TryGetExpression(root, diagnostic, DiagnosticProperties.BaseUrlSpan, out var baseUrl)
            || !join.Span.Contains(server.Span)
            || !join.Span.Contains(baseUrl.Span)
            || server.Span.OverlapsWith(baseUrl.Span))
        {
            return false;
        }

        if (!IsServerType(model.GetTypeInfo(server, cancellationToken).Type)
            || model.GetTypeInfo(baseUrl, cancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var operation = model.GetOperation(join, cancellationToken);
        if (operation is null || !JoinRemainder.IsOnlySeparators(operation, server.Span, baseUrl.Span, chat))
        {
            return false;
        }

        if (DstackUrlSyntax.For(model, join.SpanStart) is not { } dstack)
        {
            return false;
        }

        ExpressionSyntax url = dstack.Call("Resolve", server, baseUrl);
        if (chat)
        {
            url = dstack.Call("ChatCompletions", url);
        }

        if (join is AssignmentExpressionSyntax assignment)
        {
            // url += baseUrl: the target is the server, and the assignment must stay.
            if (!assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                || assignment.Left.Span != server.Span
                || !IsStringType(model.GetTypeInfo(assignment.Left, cancellationToken).Type, diagnostic))
            {
                return false;
            }

            replacement = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, assignment.Left.WithoutTrivia(), DstackUrlSyntax.AbsoluteUri(url))
                .WithTriviaFrom(join);
            return true;
        }

        var type = model.GetTypeInfo(join, cancellationToken);
        if (IsStringType(type.Type, diagnostic) && IsStringTarget(type.ConvertedType))
        {
            replacement = DstackUrlSyntax.AbsoluteUri(url).WithTriviaFrom(join);
            return true;
        }

        if (IsUriType(type.Type, diagnostic))
        {
            replacement = url.WithTriviaFrom(join);
            return true;
        }

        return false;
    }

    private static bool IsServerType(ITypeSymbol? type)
        => type is not null && (type.SpecialType == SpecialType.System_String || TypeNames.Is(type, "System.Uri"));

    private static bool IsStringType(ITypeSymbol? type, Diagnostic diagnostic)
        => type?.SpecialType == SpecialType.System_String && ResultTypeAllows(diagnostic, "String");

    private static bool IsUriType(ITypeSymbol? type, Diagnostic diagnostic)
        => TypeNames.Is(type, "System.Uri") && ResultTypeAllows(diagnostic, "Uri");

    /// <summary>When the analyzer named the result type, the expression's type must agree with it.</summary>
    private static bool ResultTypeAllows(Diagnostic diagnostic, string expected)
        => !diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultType, out var resultType) || resultType is null || resultType == expected;

    /// <summary>
    /// A string stands in for the join only where the join was used as a string; an interpolated string that became
    /// a FormattableString or IFormattable would no longer convert. StringBuilder.Append($"…") binds to Append(string).
    /// </summary>
    private static bool IsStringTarget(ITypeSymbol? converted)
        => converted is null
            || converted.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || TypeNames.Is(converted, "System.Text.StringBuilder.AppendInterpolatedStringHandler");
}
