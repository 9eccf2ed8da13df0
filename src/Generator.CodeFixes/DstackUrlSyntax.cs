using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>
/// Builds calls into the runtime's <c>Dstack.UrlGen</c> namespace. Names are written fully qualified with
/// <c>global::</c> and annotated, so that <see cref="FixedDocument"/> adds <c>using Dstack.UrlGen;</c> and
/// shortens them only where that cannot bind to a user's own type of the same name.
/// </summary>
internal static class DstackUrlSyntax
{
    public const string DstackUrlMetadataName = "Dstack.UrlGen.DstackUrl";

    /// <summary>A fix that calls the runtime must not be offered where the runtime is not referenced.</summary>
    public static bool IsRuntimeReferenced(Compilation compilation)
        => compilation.GetTypeByMetadataName(DstackUrlMetadataName) is not null;

    public static NameSyntax TypeName(string typeName)
        => SyntaxFactory.ParseName("global::Dstack.UrlGen." + typeName)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    public static InvocationExpressionSyntax Call(string method, params ArgumentSyntax[] arguments)
        => SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeName("DstackUrl"), SyntaxFactory.IdentifierName(method)),
            SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(arguments)));

    public static InvocationExpressionSyntax Call(string method, params ExpressionSyntax[] arguments)
        => Call(method, Array.ConvertAll(arguments, Argument));

    public static ArgumentSyntax Argument(ExpressionSyntax expression)
        => SyntaxFactory.Argument(expression.WithoutTrivia());

    /// <summary><c>expression.AbsoluteUri</c>: the string a hand-built join produced.</summary>
    public static MemberAccessExpressionSyntax AbsoluteUri(ExpressionSyntax uri)
        => SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, uri, SyntaxFactory.IdentifierName("AbsoluteUri"));

    /// <summary>Parentheses the simplifier removes again where the context does not need them.</summary>
    public static ParenthesizedExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => SyntaxFactory.ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);
}
