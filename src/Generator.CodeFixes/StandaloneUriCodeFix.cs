using System.Collections.Immutable;
using System.Composition;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>
/// DSTK0004: replaces the "is it a gateway URL?" check <c>Uri.TryCreate(baseUrl, UriKind.Absolute, out _)</c> with
/// <c>DstackUrl.Classify(baseUrl) == DstackUrlKind.Gateway</c>, which does not take "/proxy/…" for a file:// URI on
/// Linux and macOS. Other stand-alone parses need the server URL to be fixed, which only the user knows.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StandaloneUriCodeFix)), Shared]
public sealed class StandaloneUriCodeFix : CodeFixProvider
{
    internal const string EquivalenceKey = nameof(StandaloneUriCodeFix);

    private const string Title = "Use DstackUrl.Classify";
    private const int UriKindAbsolute = 1;

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BaseUrlParsedAsStandaloneUri);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => PlannedFix.FixAll(Plan);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFix.RegisterAsync(context, Plan, EquivalenceKey);

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Form, out var form) || form != DiagnosticProperties.TryCreateAbsoluteForm
            || !SyntaxAtSpan.TryGetExpression(root, diagnostic.Location.SourceSpan, out var call)
            || model.GetOperation(call, cancellationToken) is not IInvocationOperation invocation
            || !IsTryCreateAbsoluteDiscarded(invocation)
            || invocation.Arguments[0].Value.Syntax is not ExpressionSyntax baseUrl
            || DstackUrlSyntax.For(model, call.SpanStart) is not { } dstack)
        {
            return null;
        }

        // Classify takes a string that is not null, where TryCreate returned false for null: a base_url that may be null
        // is checked first (a simple name or member access only, which the null check then covers).
        ExpressionSyntax classify = dstack.Call("Classify", baseUrl);
        ExpressionSyntax gateway = SyntaxFactory.BinaryExpression(
            SyntaxKind.EqualsExpression,
            classify,
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, dstack.TypeName("DstackUrlKind"), SyntaxFactory.IdentifierName("Gateway")));
        if (model.GetTypeInfo(baseUrl, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull)
        {
            if (baseUrl is not (IdentifierNameSyntax or MemberAccessExpressionSyntax))
            {
                return null;
            }

            var notNull = SyntaxFactory.BinaryExpression(
                SyntaxKind.NotEqualsExpression,
                baseUrl.WithoutTrivia(),
                SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression));
            gateway = SyntaxFactory.BinaryExpression(SyntaxKind.LogicalAndExpression, notNull, gateway);
        }

        var replacement = DstackUrlSyntax.Parenthesize(gateway).WithTriviaFrom(call);
        return new FixPlan(call, replacement, Title);
    }

    /// <summary>
    /// Only <c>Uri.TryCreate(string, UriKind.Absolute, out _)</c>: with a named out variable the parsed Uri is used
    /// afterwards, and Classify does not produce one.
    /// </summary>
    private static bool IsTryCreateAbsoluteDiscarded(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: nameof(Uri.TryCreate), IsStatic: true, Parameters.Length: 3 } method
            || !KnownTypes.Uri.Matches(method.ContainingType)
            || method.Parameters[0].Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var kind = invocation.Arguments[1].Value.ConstantValue;
        var result = invocation.Arguments[2].Value;
        return kind.HasValue && kind.Value is int value && value == UriKindAbsolute
            && (result is IDiscardOperation || result is IDeclarationExpressionOperation { Expression: IDiscardOperation });
    }
}
