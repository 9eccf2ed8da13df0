using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>
/// Builds calls into the runtime's <c>Dstack.UrlGen</c> namespace. Names are written fully qualified with
/// <c>global::</c> and annotated, so that <see cref="FixedDocument"/> adds <c>using Dstack.UrlGen;</c> and
/// shortens them to <c>DstackUrl</c> where that binds to the runtime's type.
/// </summary>
internal sealed class DstackUrlSyntax
{
    private const string Namespace = "Dstack.UrlGen";
    private static readonly string[] RuntimeTypeNames = { "DstackUrl", "DstackUrlKind" };

    private readonly SyntaxAnnotation[] _annotations;

    private DstackUrlSyntax(bool addImport)
        => _annotations = addImport ? new[] { Simplifier.Annotation, Simplifier.AddImportsAnnotation } : new[] { Simplifier.Annotation };

    /// <summary>
    /// Calls for code at <paramref name="position"/>; null where the runtime is not referenced, so no fix is offered.
    /// Where the user has a type of the same name in scope, no import is added and the simplifier keeps the
    /// qualification it needs.
    /// </summary>
    public static DstackUrlSyntax? For(SemanticModel model, int position)
    {
        if (!KnownTypes.DstackUrl.IsDefinedIn(model.Compilation))
        {
            return null;
        }

        bool clash = RuntimeTypeNames.Any(name => model.LookupNamespacesAndTypes(position, name: name)
            .Any(symbol => symbol.ContainingNamespace?.ToDisplayString() != Namespace));
        return new DstackUrlSyntax(addImport: !clash);
    }

    /// <summary>The type as an expression (a member access chain, as the parser reads a type name before ".Member").</summary>
    public ExpressionSyntax TypeName(string typeName)
        => SyntaxFactory.ParseExpression("global::" + Namespace + "." + typeName).WithAdditionalAnnotations(_annotations);

    public InvocationExpressionSyntax Call(string method, params ArgumentSyntax[] arguments)
        => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName("DstackUrl"), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

    public InvocationExpressionSyntax Call(string method, params ExpressionSyntax[] arguments)
        => Call(method, Array.ConvertAll(arguments, Argument));

    public static ArgumentSyntax Argument(ExpressionSyntax expression)
        => SyntaxFactory.Argument(expression.WithoutTrivia());

    /// <summary>
    /// The expression as an argument of a parameter that is not nullable: with <c>!</c> where its flow state may be null.
    /// DstackUrl refuses a null base_url itself (DstackUrlError.Empty), so the fix keeps that check at run time and the
    /// code free of CS8604 (docs/rules/DSTK0001.md, "Nullable").
    /// </summary>
    public static ExpressionSyntax NotNull(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (model.GetTypeInfo(expression, cancellationToken).Nullability.FlowState != NullableFlowState.MaybeNull)
        {
            return expression;
        }

        ExpressionSyntax operand = expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax
            ? expression.WithoutTrivia()
            : SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
        return SyntaxFactory.PostfixUnaryExpression(SyntaxKind.SuppressNullableWarningExpression, operand);
    }

    /// <summary><c>expression.AbsoluteUri</c>: the string a hand-built join produced.</summary>
    public static MemberAccessExpressionSyntax AbsoluteUri(ExpressionSyntax uri)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, uri, SyntaxFactory.IdentifierName("AbsoluteUri"));

    /// <summary>Parentheses the simplifier removes again where the context does not need them.</summary>
    public static ParenthesizedExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
}
