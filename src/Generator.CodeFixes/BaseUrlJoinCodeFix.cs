using System.Collections.Immutable;
using System.Composition;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

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

    private const int UriKindRelativeOrAbsolute = 0;
    private const int UriKindAbsolute = 1;

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
            if (UriMadeFrom(join, model, cancellationToken) is { } creation)
            {
                // new Uri(server + "/" + baseUrl) wanted a Uri, which Resolve returns: the string round trip goes.
                join = creation;
                replacement = url.WithTriviaFrom(creation);
                return true;
            }

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

    /// <summary><c>new Uri(join)</c> or <c>new Uri(join, UriKind.Absolute | RelativeOrAbsolute)</c>, whose value Resolve gives directly.</summary>
    private static ExpressionSyntax? UriMadeFrom(ExpressionSyntax join, SemanticModel model, CancellationToken cancellationToken)
    {
        if (join.Parent is not ArgumentSyntax { NameColon: null } argument
            || argument.Parent is not ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list
            || list.Arguments[0] != argument
            || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation
            || !TypeNames.Is(operation.Type, "System.Uri")
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        foreach (var other in operation.Arguments)
        {
            if (other.Parameter is { Ordinal: > 0 } parameter
                && !(TypeNames.Is(parameter.Type, "System.UriKind") && other.Value.ConstantValue is { HasValue: true, Value: UriKindRelativeOrAbsolute or UriKindAbsolute }))
            {
                return null;
            }
        }

        return creation;
    }

    private static bool IsServerType(ITypeSymbol? type)
        => type is not null && (type.SpecialType == SpecialType.System_String || TypeNames.Is(type, "System.Uri"));

    /// <summary>The analyzer says "String" only where the join's value is used as a string (not as a FormattableString).</summary>
    private static bool IsStringType(ITypeSymbol? type, Diagnostic diagnostic)
        => type?.SpecialType == SpecialType.System_String
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultType, out var resultType) && resultType == "String";

    private static bool IsUriType(ITypeSymbol? type, Diagnostic diagnostic)
        => TypeNames.Is(type, "System.Uri")
            && (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultType, out var resultType) || resultType is null or "Uri");

    /// <summary>
    /// A string stands in for the join only where the join was used as a string; an interpolated string that became
    /// a FormattableString or IFormattable would no longer convert. StringBuilder.Append($"…") binds to Append(string).
    /// </summary>
    private static bool IsStringTarget(ITypeSymbol? converted)
        => converted is null
            || converted.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || TypeNames.Is(converted, "System.Text.StringBuilder.AppendInterpolatedStringHandler");
}
