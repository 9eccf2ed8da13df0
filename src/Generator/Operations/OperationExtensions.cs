using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>The IOperation helpers every rule and fix shares (conversions unwrapped in one place).</summary>
internal static class OperationExtensions
{
    /// <summary>The operand under every conversion, implicit or written (a cast the user wrote too).</summary>
    public static IOperation SkipConversions(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The operand under the conversions the compiler inserted (to object, string to span); a written cast stays, as it may read JSON.</summary>
    public static IOperation SkipImplicitConversions(this IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    /// <summary>The parent, past conversions.</summary>
    public static IOperation? ParentSkippingConversions(this IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The expression of <c>var x</c> in a deconstruction or out argument, else the operation itself.</summary>
    public static IOperation SkipDeclarationExpression(this IOperation operation)
        => operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

    /// <summary>The receiver a <c>?.</c> placeholder stands for: the operand of the nearest enclosing conditional access.</summary>
    public static IOperation? ConditionalReceiver(this IConditionalAccessInstanceOperation instance)
    {
        IOperation child = instance;
        for (IOperation? parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
            {
                return access.Operation;
            }
        }

        return null;
    }

    /// <summary>The root of the operation tree (the method body with its lambdas and local functions).</summary>
    public static IOperation Root(this IOperation operation)
    {
        while (operation.Parent is { } parent)
        {
            operation = parent;
        }

        return operation;
    }
}
