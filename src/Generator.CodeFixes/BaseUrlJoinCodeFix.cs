using System.Collections.Immutable;
using System.Composition;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Joins;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
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
    public override FixAllProvider GetFixAllProvider() => PlannedFix.FixAll(Plan);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFix.RegisterAsync(context, Plan, EquivalenceKey);

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        bool chat = diagnostic.Properties.TryGetValue(DiagnosticProperties.Suffix, out var suffix) && suffix == DiagnosticProperties.ChatCompletionsSuffix;
        if (!SyntaxAtSpan.TryGetExpression(root, diagnostic.Location.SourceSpan, out var join)
            || !SyntaxAtSpan.TryGetExpression(root, diagnostic, DiagnosticProperties.ServerSpan, out var server)
            || !SyntaxAtSpan.TryGetExpression(root, diagnostic, DiagnosticProperties.BaseUrlSpan, out var baseUrl)
            || !join.Span.Contains(server.Span)
            || !join.Span.Contains(baseUrl.Span)
            || server.Span.OverlapsWith(baseUrl.Span))
        {
            return null;
        }

        if (!IsServerType(model.GetTypeInfo(server, cancellationToken).Type)
            || model.GetTypeInfo(baseUrl, cancellationToken).Type?.SpecialType != SpecialType.System_String
            || model.GetOperation(join, cancellationToken) is not { } operation
            || !IsOnlySeparators(operation, server, baseUrl, chat)
            || DstackUrlSyntax.For(model, join.SpanStart) is not { } dstack)
        {
            return null;
        }

        ExpressionSyntax url = dstack.Call(
            "Resolve",
            DstackUrlSyntax.NotNull(model, server, cancellationToken),
            DstackUrlSyntax.NotNull(model, baseUrl, cancellationToken));
        if (chat)
        {
            url = dstack.Call("ChatCompletions", url);
        }

        string title = chat ? ChatCompletionsTitle : ResolveTitle;
        if (join is AssignmentExpressionSyntax assignment)
        {
            // url += baseUrl: the target is the server, and the assignment must stay.
            if (!assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                || assignment.Left.Span != server.Span
                || !IsStringType(model.GetTypeInfo(assignment.Left, cancellationToken).Type, diagnostic))
            {
                return null;
            }

            var assigned = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, assignment.Left.WithoutTrivia(), DstackUrlSyntax.AbsoluteUri(url))
                .WithTriviaFrom(join);
            return new FixPlan(join, assigned, title);
        }

        var type = model.GetTypeInfo(join, cancellationToken);
        if (IsStringType(type.Type, diagnostic) && IsStringTarget(type.ConvertedType))
        {
            // new Uri(server + "/" + baseUrl) wanted a Uri, which Resolve returns: the string round trip goes.
            return UriMadeFrom(join, model, cancellationToken) is { } creation
                ? new FixPlan(creation, url.WithTriviaFrom(creation), title)
                : new FixPlan(join, DstackUrlSyntax.AbsoluteUri(url).WithTriviaFrom(join), title);
        }

        return IsUriType(type.Type, diagnostic) ? new FixPlan(join, url.WithTriviaFrom(join), title) : null;
    }

    /// <summary>
    /// Reads the join again through the analyzer's own join model and checks that everything but the server and the
    /// base_url is a separator that Resolve makes redundant.
    /// </summary>
    private static bool IsOnlySeparators(IOperation join, ExpressionSyntax server, ExpressionSyntax baseUrl, bool chat)
    {
        var parts = new List<JoinPart>();
        if (!JoinForms.TryFlattenTop(join, parts))
        {
            return false;
        }

        List<JoinSegment> segments = JoinSegments.Merge(parts, part => part.Operation?.Syntax.Span == baseUrl.Span);
        int serverIndex = segments.FindIndex(segment => segment.Text is null && segment.Operation?.Syntax.Span == server.Span);
        int baseUrlIndex = segments.FindIndex(segment => segment.IsBaseUrl);
        return serverIndex >= 0 && baseUrlIndex >= 0 && JoinRemainder.IsOnlySeparators(segments, serverIndex, baseUrlIndex, chat);
    }

    /// <summary><c>new Uri(join)</c> or <c>new Uri(join, UriKind.Absolute | RelativeOrAbsolute)</c>, whose value Resolve gives directly.</summary>
    private static ExpressionSyntax? UriMadeFrom(ExpressionSyntax join, SemanticModel model, CancellationToken cancellationToken)
    {
        if (join.Parent is not ArgumentSyntax { NameColon: null } argument
            || argument.Parent is not ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } list
            || list.Arguments[0] != argument
            || model.GetOperation(creation, cancellationToken) is not IObjectCreationOperation { Constructor: { } constructor } operation
            || !KnownTypes.Uri.Matches(operation.Type)
            || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        foreach (var other in operation.Arguments)
        {
            if (other.Parameter is { Ordinal: > 0 } parameter
                && !(KnownTypes.UriKind.Matches(parameter.Type) && other.Value.ConstantValue is { HasValue: true, Value: UriKindRelativeOrAbsolute or UriKindAbsolute }))
            {
                return null;
            }
        }

        return creation;
    }

    private static bool IsServerType(ITypeSymbol? type)
        => type is not null && (type.SpecialType == SpecialType.System_String || KnownTypes.Uri.Matches(type));

    /// <summary>The analyzer says "String" only where the join's value is used as a string (not as a FormattableString).</summary>
    private static bool IsStringType(ITypeSymbol? type, Diagnostic diagnostic)
        => type?.SpecialType == SpecialType.System_String
            && diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultType, out var resultType) && resultType == DiagnosticProperties.StringResult;

    private static bool IsUriType(ITypeSymbol? type, Diagnostic diagnostic)
        => KnownTypes.Uri.Matches(type)
            && (!diagnostic.Properties.TryGetValue(DiagnosticProperties.ResultType, out var resultType) || resultType is null or DiagnosticProperties.UriResult);

    /// <summary>
    /// A string stands in for the join only where the join was used as a string; an interpolated string that became
    /// a FormattableString or IFormattable would no longer convert. StringBuilder.Append($"…") binds to Append(string).
    /// </summary>
    private static bool IsStringTarget(ITypeSymbol? converted)
        => converted is null
            || converted.SpecialType is SpecialType.System_String or SpecialType.System_Object
            || (converted.Name == "AppendInterpolatedStringHandler" && KnownTypes.StringBuilder.Matches(converted.ContainingType));
}
