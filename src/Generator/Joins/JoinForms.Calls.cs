using System.Collections.Generic;
using System.Globalization;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>Calls that join: string.Join/AppendJoin (the separator is a neighbour), string.Format/AppendFormat (the format's text is), string.Create, and the values an argument contributes.</summary>
internal static partial class JoinForms
{
    private static bool TryFlattenJoin(IInvocationOperation invocation, List<JoinPart> parts, bool inPath)
    {
        IOperation? separator = null;
        var values = new List<IOperation>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            switch (argument.Parameter?.Name)
            {
                case "separator":
                    separator = argument.Value;
                    break;
                case "value" or "values":
                    values.AddRange(Elements(argument));
                    break;
            }
        }

        if (separator is null)
        {
            return false;
        }

        for (int i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Flatten(separator, parts, inPath);
            }

            Flatten(values[i], parts, inPath);
        }

        return true;
    }

    private static bool TryFlattenFormat(IInvocationOperation invocation, List<JoinPart> parts, bool inPath)
    {
        if (FormatArguments(invocation) is not { } arguments
            || !CompositeFormat.TryParse(arguments.Format, out List<(string Text, int Index)> segments))
        {
            return false;
        }

        foreach ((string text, int index) in segments)
        {
            if (index < 0)
            {
                parts.Add(new JoinPart(null, text, inPath));
            }
            else if (index < arguments.Values.Count)
            {
                Flatten(arguments.Values[index], parts, inPath);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a Format-like call has a constant string format (checked without allocating: it runs on every call).</summary>
    private static bool HasConstantFormat(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "format")
            {
                return argument.Value.SkipConversions().ConstantValue is { HasValue: true, Value: string };
            }
        }

        return false;
    }

    /// <summary>The constant format and the argument values of a string.Format/AppendFormat call; null when either is unknown.</summary>
    private static FormatCall? FormatArguments(IInvocationOperation invocation)
    {
        string? format = null;
        var values = new List<IOperation>();
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            IParameterSymbol? parameter = argument.Parameter;
            if (parameter is null)
            {
                return null;
            }

            if (parameter.Name == "format")
            {
                if (argument.Value.SkipConversions().ConstantValue is not { HasValue: true, Value: string text })
                {
                    return null;
                }

                format = text;
            }
            else if (parameter.Name is "arg0" or "arg1" or "arg2" or "arg")
            {
                values.Add(argument.Value);
            }
            else if (parameter.Name == "args")
            {
                if (!TryElements(argument, out List<IOperation> elements))
                {
                    return null;
                }

                values.AddRange(elements);
            }
        }

        return format is null ? null : new FormatCall(format, values);
    }

    /// <summary>The interpolated-string handler argument of string.Create(provider, $"…"); null for other overloads.</summary>
    private static IOperation? HandlerArgument(IInvocationOperation invocation)
    {
        foreach (IArgumentOperation argument in invocation.Arguments)
        {
            if (argument.Value is IInterpolatedStringHandlerCreationOperation)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>Flattens the values an argument contributes (see <see cref="Elements"/>) without building a list of them.</summary>
    private static void FlattenArgument(IArgumentOperation argument, List<JoinPart> parts, bool inPath)
    {
        IOperation value = argument.Value.SkipConversions();
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (IOperation element in initializer.ElementValues)
            {
                Flatten(element, parts, inPath);
            }
        }
        else if (IsCollectionLiteral(value) || (argument.ArgumentKind == ParamCollection && value == argument.Value))
        {
            foreach (IOperation element in value.ChildOperations)
            {
                Flatten(element, parts, inPath);
            }
        }
        else
        {
            Flatten(argument.Value, parts, inPath);
        }
    }

    /// <summary>The values an argument contributes: a params array's or collection's elements, else the argument itself.</summary>
    private static List<IOperation> Elements(IArgumentOperation argument)
    {
        if (TryElements(argument, out List<IOperation> elements))
        {
            return elements;
        }

        elements.Add(argument.Value);
        return elements;
    }

    private static bool TryElements(IArgumentOperation argument, out List<IOperation> elements)
    {
        elements = new List<IOperation>();
        IOperation value = argument.Value.SkipConversions();
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            elements.AddRange(initializer.ElementValues);
            return true;
        }

        if (IsCollectionLiteral(value) || (argument.ArgumentKind == ParamCollection && value == argument.Value))
        {
            // Roslyn 4.8 has no interface for a collection expression; its children are the elements in any version.
            foreach (IOperation element in value.ChildOperations)
            {
                elements.Add(element);
            }

            return true;
        }

        return argument.ArgumentKind != ArgumentKind.ParamArray && argument.Parameter?.Type is not IArrayTypeSymbol && !IsSpanOrEnumerable(argument.Parameter?.Type)
            ? AddSingle(elements, argument.Value)
            : false;
    }

    private static bool AddSingle(List<IOperation> elements, IOperation value)
    {
        elements.Add(value);
        return true;
    }

    private static bool IsSpanOrEnumerable(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsGenericType: true } named
           && named.OriginalDefinition.SpecialType is SpecialType.System_Collections_Generic_IEnumerable_T
           || type is INamedTypeSymbol { Name: "ReadOnlySpan" or "Span", IsGenericType: true, TypeArguments: [{ SpecialType: SpecialType.System_String or SpecialType.System_Object }] };


    private sealed class FormatCall
    {
        public FormatCall(string format, List<IOperation> values)
        {
            Format = format;
            Values = values;
        }

        public string Format { get; }

        public List<IOperation> Values { get; }
    }
}
