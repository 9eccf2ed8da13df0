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
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Form, out var form) || form != "TryCreateAbsolute"
                || !SyntaxAtSpan.TryGetExpression(root, diagnostic.Location.SourceSpan, out var call)
                || model.GetOperation(call, context.CancellationToken) is not IInvocationOperation invocation
                || !IsTryCreateAbsoluteDiscarded(invocation)
                || invocation.Arguments[0].Value.Syntax is not ExpressionSyntax baseUrl
                || DstackUrlSyntax.For(model, call.SpanStart) is not { } dstack)
            {
                continue;
            }

            var replacement = DstackUrlSyntax.Parenthesize(
                SyntaxFactory.BinaryExpression(
                    SyntaxKind.EqualsExpression,
                    dstack.Call("Classify", baseUrl),
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, dstack.TypeName("DstackUrlKind"), SyntaxFactory.IdentifierName("Gateway"))))
                .WithTriviaFrom(call);
            context.RegisterCodeFix(
                CodeAction.Create(Title, ct => FixedDocument.ReplaceAsync(context.Document, call, replacement, ct), equivalenceKey: EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>
    /// Only <c>Uri.TryCreate(string, UriKind.Absolute, out _)</c>: with a named out variable the parsed Uri is used
    /// afterwards, and Classify does not produce one.
    /// </summary>
    private static bool IsTryCreateAbsoluteDiscarded(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod is not { Name: nameof(Uri.TryCreate), IsStatic: true, Parameters.Length: 3 } method
            || !TypeNames.Is(method.ContainingType, "System.Uri")
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
