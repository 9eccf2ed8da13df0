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
/// DSTK0002: replaces <c>new Uri(serverUri, baseUrl)</c> with <c>DstackUrl.Resolve(serverUri, baseUrl)</c> and
/// <c>Uri.TryCreate(serverUri, baseUrl, out var url)</c> with <c>DstackUrl.TryResolve(serverUri, baseUrl, out var url, out _)</c>.
/// HttpClient requests against BaseAddress get no fix: the server URL there is wherever BaseAddress was set.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RfcResolutionCodeFix)), Shared]
public sealed class RfcResolutionCodeFix : CodeFixProvider
{
    /// <summary>One key for every variant of the rewrite, so that Fix All applies all of them together.</summary>
    internal const string EquivalenceKey = nameof(RfcResolutionCodeFix);

    private const string ResolveTitle = "Use DstackUrl.Resolve";
    private const string TryResolveTitle = "Use DstackUrl.TryResolve";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.BaseUrlResolvedAsRfcReference);

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => PlannedFix.FixAll(Plan);

    /// <inheritdoc/>
    public override Task RegisterCodeFixesAsync(CodeFixContext context) => PlannedFix.RegisterAsync(context, Plan, EquivalenceKey);

    private static FixPlan? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (!SyntaxAtSpan.TryGetExpression(root, diagnostic.Location.SourceSpan, out var call))
        {
            return null;
        }

        var (method, arguments) = model.GetOperation(call, cancellationToken) switch
        {
            IObjectCreationOperation creation when IsUri(creation.Type) && creation.Arguments.Length == 2
                => ("Resolve", creation.Arguments),
            IInvocationOperation invocation when IsUriTryCreateWithBase(invocation)
                => ("TryResolve", invocation.Arguments),
            _ => (null, default(ImmutableArray<IArgumentOperation>)),
        };

        var replacement = method is null ? null : Rewrite(root, model, diagnostic, arguments, method, cancellationToken);
        return replacement is null
            ? null
            : new FixPlan(call, replacement.WithTriviaFrom(call), method == "Resolve" ? ResolveTitle : TryResolveTitle);
    }

    private static bool IsUriTryCreateWithBase(IInvocationOperation invocation)
        => invocation.TargetMethod is { Name: nameof(Uri.TryCreate), IsStatic: true, Parameters.Length: 3 } method
            && IsUri(method.ContainingType)
            && IsUri(method.Parameters[0].Type)
            && method.Parameters[2].RefKind == RefKind.Out;

    /// <summary>
    /// Arguments come in parameter order, so named arguments in any order are handled. The server must be a Uri and
    /// the base_url a string: either the second argument itself, or the string the analyzer found inside a
    /// <c>new Uri(baseUrl, …)</c> there. Anything else (a Uri built elsewhere) cannot be rewritten here.
    /// </summary>
    private static InvocationExpressionSyntax? Rewrite(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, ImmutableArray<IArgumentOperation> arguments, string method, CancellationToken cancellationToken)
    {
        var server = arguments[0].Value.SkipImplicitConversions();
        var baseUrl = BaseUrl(root, model, diagnostic, arguments[1].Value.SkipImplicitConversions(), cancellationToken);
        if (!IsUri(server.Type) || baseUrl is null || server.Syntax is not ExpressionSyntax serverSyntax
            || DstackUrlSyntax.For(model, serverSyntax.SpanStart) is not { } dstack)
        {
            return null;
        }

        if (method == "Resolve")
        {
            return dstack.Call(method, DstackUrlSyntax.NotNull(model, serverSyntax, cancellationToken), DstackUrlSyntax.NotNull(model, baseUrl, cancellationToken));
        }

        if (arguments[2].Syntax is not ArgumentSyntax outArgument || !outArgument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
        {
            return null;
        }

        var discard = SyntaxFactory.Argument(null, SyntaxFactory.Token(SyntaxKind.OutKeyword), SyntaxFactory.IdentifierName("_"));
        return dstack.Call(
            method,
            DstackUrlSyntax.Argument(serverSyntax),
            DstackUrlSyntax.Argument(baseUrl),
            outArgument.WithNameColon(null).WithoutTrivia(),
            discard);
    }

    private static ExpressionSyntax? BaseUrl(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, IOperation relative, CancellationToken cancellationToken)
    {
        if (relative.Type?.SpecialType == SpecialType.System_String)
        {
            return relative.Syntax as ExpressionSyntax;
        }

        if (relative is IObjectCreationOperation { Arguments.Length: > 0 } inner
            && IsUri(inner.Type)
            && SyntaxAtSpan.TryGetExpression(root, diagnostic, DiagnosticProperties.BaseUrlSpan, out var baseUrl)
            && inner.Arguments[0].Value.SkipImplicitConversions().Syntax.Span == baseUrl.Span
            && model.GetTypeInfo(baseUrl, cancellationToken).Type?.SpecialType == SpecialType.System_String)
        {
            return baseUrl;
        }

        return null;
    }

    private static bool IsUri(ITypeSymbol? type)
        => KnownTypes.Uri.Matches(type);
}
