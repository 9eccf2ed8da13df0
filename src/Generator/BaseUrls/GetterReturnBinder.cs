using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>
/// Finds the member a property getter returns, for the "property whose getter only returns a base_url" rule.
/// The getter may sit in another syntax tree than the code that reads the property, and an analyzer must not ask
/// the compilation for that tree's semantic model; so this follows the returned expression through the symbol
/// table instead: a chain of fields and properties (<c>_dto.BaseUrl</c>, <c>this.Raw!</c>, <c>Model?.BaseUrl ?? ""</c>,
/// <c>Raw.Trim()</c>). Anything else (calls, JSON reads, arithmetic) is not followed.
/// </summary>
internal static class GetterReturnBinder
{
    private const int MaxChain = 4;

    /// <summary>The field or property the only expression of <paramref name="property"/>'s getter reads, or null.</summary>
    public static ISymbol? ReturnedMember(IPropertySymbol property)
    {
        if (property.GetMethod is null || property.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        ExpressionSyntax? returned = property.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            PropertyDeclarationSyntax { ExpressionBody: { } body } => body.Expression,
            PropertyDeclarationSyntax { AccessorList: { } accessors } => GetterExpression(accessors),
            _ => null,
        };

        return returned is null ? null : Bind(returned, property.ContainingType, 0);
    }

    private static ExpressionSyntax? GetterExpression(AccessorListSyntax accessors)
    {
        foreach (AccessorDeclarationSyntax accessor in accessors.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                continue;
            }

            if (accessor.ExpressionBody is { } body)
            {
                return body.Expression;
            }

            if (accessor.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: { } value })
            {
                return value;
            }
        }

        return null;
    }

    private static ISymbol? Bind(ExpressionSyntax expression, INamedTypeSymbol context, int depth)
    {
        if (depth > MaxChain)
        {
            return null;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Bind(parenthesized.Expression, context, depth);
            case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                return Bind(postfix.Operand, context, depth);
            case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression) && IsConstantOrThrow(coalesce.Right):
                return Bind(coalesce.Left, context, depth);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } when BaseUrlSources.KeepsBaseUrl(access.Name.Identifier.ValueText):
                return Bind(access.Expression, context, depth + 1);
            case IdentifierNameSyntax name:
                return Lookup(context, name.Identifier.ValueText);
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access:
                return Lookup(context, access.Name.Identifier.ValueText);
            case MemberAccessExpressionSyntax access:
                return Member(Bind(access.Expression, context, depth + 1), access.Name.Identifier.ValueText);
            case ConditionalAccessExpressionSyntax { WhenNotNull: MemberBindingExpressionSyntax binding } conditional:
                return Member(Bind(conditional.Expression, context, depth + 1), binding.Name.Identifier.ValueText);
            default:
                return null;
        }
    }

    private static bool IsConstantOrThrow(ExpressionSyntax expression)
        => expression is LiteralExpressionSyntax or ThrowExpressionSyntax
           || (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax });

    private static ISymbol? Member(ISymbol? owner, string name)
    {
        ITypeSymbol? type = owner switch
        {
            IFieldSymbol field => field.Type,
            IPropertySymbol property => property.Type,
            _ => null,
        };

        return type is INamedTypeSymbol named ? Lookup(named, name) : null;
    }

    private static ISymbol? Lookup(INamedTypeSymbol type, string name)
    {
        foreach (INamedTypeSymbol candidate in SelfBasesAndInterfaces(type))
        {
            foreach (ISymbol member in candidate.GetMembers(name))
            {
                if (member is IFieldSymbol or IPropertySymbol { IsIndexer: false })
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static IEnumerable<INamedTypeSymbol> SelfBasesAndInterfaces(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            yield return t;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            yield return implemented;
        }
    }
}
