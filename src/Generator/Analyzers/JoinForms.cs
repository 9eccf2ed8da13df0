using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>
/// Recognises the join forms of DESIGN.md ("+", "+=", interpolated strings, string.Concat/Format/Join/Create, Path.Combine/Join,
/// StringBuilder chains and consecutive StringBuilder statements) and flattens the top-most one into its parts.
/// Arguments are walked generically: a params array, a collection expression and a newer compiler's params collection
/// (net10.0's <c>params ReadOnlySpan&lt;string&gt;</c> overloads) all give their elements, whatever operation kind holds them.
/// </summary>
internal static class JoinForms
{
    /// <summary><c>ArgumentKind.ParamCollection</c> of Roslyn 4.11+, which this assembly (built on 4.8) cannot name.</summary>
    private const ArgumentKind ParamCollection = (ArgumentKind)4;

    // One list per thread, reused for every join: the analyzers run on every concatenation of a compilation, and the
    // allocations of a fresh list each time showed up as garbage-collection pauses in their measured time.
    [System.ThreadStatic]
    private static List<JoinPart>? t_parts;

    private enum CallKind
    {
        None,
        Concat,
        Format,
        Join,
        Create,
        Path,
        Builder,
    }

    /// <summary>
    /// The join <paramref name="operation"/> is the top of, or null when it is no join, is an operand of an enclosing join,
    /// or is a StringBuilder statement (those are joined per block by <see cref="BuilderRuns"/>).
    /// The join's parts live in a list of the thread that the next join reuses: judge a join before asking for another.
    /// </summary>
    public static Join? TopMost(IOperation operation, KnownSymbols known)
    {
        CallKind kind = KindOf(operation, known);
        if (kind == CallKind.None)
        {
            return null;
        }

        if (kind != CallKind.Builder && IsNested(operation, known))
        {
            return null;
        }

        List<JoinPart> parts = RentParts();
        if (kind == CallKind.Builder)
        {
            var call = (IInvocationOperation)operation;
            if (IsChainedFurther(call, known) || OwnedByStatementRun(call, known))
            {
                return null;
            }

            AddChain(call, parts, known);
            return new Join(operation, operation.Syntax.Span, parts);
        }

        if (!TryFlatten(operation, parts, known, inPath: false))
        {
            return null;
        }

        return new Join(operation, operation.Syntax.Span, parts);
    }

    /// <summary>
    /// Joins of consecutive statements that append to the same StringBuilder (<c>sb.Append(a); sb.Append(b);</c>), including a
    /// declaration just before them that creates it from a string, and a closing <c>return sb.ToString();</c>-like statement.
    /// </summary>
    public static IEnumerable<Join> BuilderRuns(System.Collections.Immutable.ImmutableArray<IOperation> statements, KnownSymbols known)
    {
        IOperation? previous = null;
        List<IOperation>? run = null;
        ISymbol? runBuilder = null;
        foreach (IOperation statement in statements)
        {
            IInvocationOperation? chain = StatementChain(statement, known);
            ISymbol? builder = chain is null ? null : BuilderSymbol(chain, known);
            if (chain is not null && run is not null && builder is not null && SymbolEqualityComparer.Default.Equals(builder, runBuilder))
            {
                run.Add(statement);
            }
            else
            {
                if (run is not null)
                {
                    yield return RunJoin(run, runBuilder, known);
                    run = null;
                }

                if (chain is not null)
                {
                    run = new List<IOperation>();
                    if (previous is not null && builder is not null && CreatedFromString(previous, builder, known) is not null)
                    {
                        run.Add(previous);
                    }

                    run.Add(statement);
                    runBuilder = builder;
                }
            }

            previous = statement;
        }

        if (run is not null)
        {
            yield return RunJoin(run, runBuilder, known);
        }
    }

    /// <summary>True when some statement appends to a StringBuilder: the cheap test before <see cref="BuilderRuns"/>.</summary>
    public static bool HasBuilderStatement(System.Collections.Immutable.ImmutableArray<IOperation> statements, KnownSymbols known)
    {
        foreach (IOperation statement in statements)
        {
            if (StatementChain(statement, known) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for an implicit or built-in conversion, which the join sees through; user-defined ones too (string → span).</summary>
    public static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static Join RunJoin(List<IOperation> run, ISymbol? builder, KnownSymbols known)
    {
        List<JoinPart> parts = RentParts();
        foreach (IOperation statement in run)
        {
            if (StatementChain(statement, known) is { } chain)
            {
                AddChain(chain, parts, known);
            }
            else if (builder is not null && CreatedFromString(statement, builder, known) is { } initial)
            {
                Flatten(initial, parts, known, inPath: false);
            }
        }

        TextSpan span = run.Count == 1
            ? StatementChain(run[0], known)!.Syntax.Span
            : TextSpan.FromBounds(run[0].Syntax.SpanStart, run[run.Count - 1].Syntax.Span.End);
        return new Join(run[0], span, parts);
    }

    private static List<JoinPart> RentParts()
    {
        List<JoinPart> parts = t_parts ??= new List<JoinPart>(32);
        parts.Clear();
        return parts;
    }

    private static CallKind KindOf(IOperation operation, KnownSymbols known)
    {
        switch (operation)
        {
            case IBinaryOperation binary:
                return IsStringAdd(binary) ? CallKind.Concat : CallKind.None;
            case ICompoundAssignmentOperation compound:
                return compound.OperatorKind == BinaryOperatorKind.Add && known.IsString(compound.Type) ? CallKind.Concat : CallKind.None;
            case IInterpolatedStringOperation:
                return CallKind.Concat;
            case IInvocationOperation invocation:
                return KindOf(invocation, known);
            default:
                return CallKind.None;
        }
    }

    private static CallKind KindOf(IInvocationOperation invocation, KnownSymbols known)
    {
        IMethodSymbol method = invocation.TargetMethod;
        INamedTypeSymbol type = method.ContainingType;
        if (type.SpecialType == SpecialType.System_String)
        {
            if (!method.IsStatic)
            {
                return CallKind.None;
            }

            return method.Name switch
            {
                "Concat" => CallKind.Concat,
                "Join" => CallKind.Join,
                "Format" => HasConstantFormat(invocation) ? CallKind.Format : CallKind.None,
                "Create" => HandlerArgument(invocation) is not null ? CallKind.Create : CallKind.None,
                _ => CallKind.None,
            };
        }

        if (known.Path.Matches(type))
        {
            return method.Name is "Combine" or "Join" ? CallKind.Path : CallKind.None;
        }

        if (known.StringBuilder.Matches(type) && !method.IsStatic)
        {
            return method.Name switch
            {
                "Append" or "AppendLine" or "Insert" or "AppendJoin" => CallKind.Builder,
                "AppendFormat" => HasConstantFormat(invocation) ? CallKind.Builder : CallKind.None,
                _ => CallKind.None,
            };
        }

        return CallKind.None;
    }

    private static bool IsStringAdd(IBinaryOperation binary)
        => binary.OperatorKind == BinaryOperatorKind.Add && binary.Type?.SpecialType == SpecialType.System_String;

    /// <summary>True when <paramref name="operation"/> is an operand of an enclosing join, which reports it instead.</summary>
    private static bool IsNested(IOperation operation, KnownSymbols known)
    {
        IOperation? parent = operation.Parent;
        while (parent is not null && IsTransparent(parent))
        {
            parent = parent.Parent;
        }

        return parent is not null && KindOf(parent, known) != CallKind.None;
    }

    private static bool IsTransparent(IOperation operation)
        => operation is IConversionOperation or IArgumentOperation or IArrayCreationOperation or IArrayInitializerOperation
               or IInterpolationOperation or IInterpolatedStringAppendOperation or IInterpolatedStringHandlerCreationOperation
               or IInterpolatedStringAdditionOperation
           || (operation is IInvocationOperation && operation.Parent is IInterpolatedStringAppendOperation)
           || IsCollectionLiteral(operation);

    /// <summary>A collection expression, or the collection a newer compiler builds for a params collection argument.</summary>
    private static bool IsCollectionLiteral(IOperation operation)
        => operation.Syntax is CollectionExpressionSyntax
           || (operation.Parent is IArgumentOperation { ArgumentKind: ParamCollection } argument && argument.Value == operation);

    private static bool TryFlatten(IOperation operation, List<JoinPart> parts, KnownSymbols known, bool inPath)
    {
        switch (operation)
        {
            case ICompoundAssignmentOperation compound:
                Flatten(compound.Target, parts, known, inPath);
                Flatten(compound.Value, parts, known, inPath);
                return true;
            case IInvocationOperation invocation:
                return TryFlattenCall(invocation, parts, known, inPath);
            default:
                Flatten(operation, parts, known, inPath);
                return true;
        }
    }

    private static void Flatten(IOperation operation, List<JoinPart> parts, KnownSymbols known, bool inPath)
    {
        operation = SkipImplicitConversions(operation);

        // A folded constant is still flattened: a [DstackBaseUrl] constant joined by hand is the same mistake.
        if (operation.ConstantValue.HasValue && operation is not (IBinaryOperation or IInterpolatedStringOperation))
        {
            parts.Add(new JoinPart(operation, ConstantText(operation.ConstantValue.Value), inPath));
            return;
        }

        if (KnownText(operation, known) is { } text)
        {
            parts.Add(new JoinPart(operation, text, inPath));
            return;
        }

        switch (operation)
        {
            case IBinaryOperation binary when IsStringAdd(binary):
                Flatten(binary.LeftOperand, parts, known, inPath);
                Flatten(binary.RightOperand, parts, known, inPath);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation content in interpolated.Parts)
                {
                    FlattenContent(content, parts, known, inPath);
                }

                return;
            case IInterpolatedStringHandlerCreationOperation handler:
                Flatten(handler.Content, parts, known, inPath);
                return;
            case IInterpolatedStringAdditionOperation addition:
                Flatten(addition.Left, parts, known, inPath);
                Flatten(addition.Right, parts, known, inPath);
                return;
            case IInvocationOperation invocation when KindOf(invocation, known) is not (CallKind.None or CallKind.Builder):
                int count = parts.Count;
                if (TryFlattenCall(invocation, parts, known, inPath))
                {
                    return;
                }

                parts.RemoveRange(count, parts.Count - count);
                break;
        }

        parts.Add(new JoinPart(operation, null, inPath));
    }

    private static void FlattenContent(IInterpolatedStringContentOperation content, List<JoinPart> parts, KnownSymbols known, bool inPath)
    {
        switch (content)
        {
            case IInterpolatedStringTextOperation text:
                parts.Add(new JoinPart(null, text.Text.ConstantValue.Value as string ?? string.Empty, inPath));
                break;
            case IInterpolationOperation interpolation:
                Flatten(interpolation.Expression, parts, known, inPath);
                break;
            case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: >= 1 } call }:
                Flatten(call.Arguments[0].Value, parts, known, inPath);
                break;
            default:
                parts.Add(new JoinPart(content, null, inPath));
                break;
        }
    }

    private static bool TryFlattenCall(IInvocationOperation invocation, List<JoinPart> parts, KnownSymbols known, bool inPath)
    {
        CallKind kind = KindOf(invocation, known);
        switch (kind)
        {
            case CallKind.Concat:
            case CallKind.Path:
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    FlattenArgument(argument, parts, known, inPath || kind == CallKind.Path);
                }

                return true;

            case CallKind.Join:
                return TryFlattenJoin(invocation, parts, known, inPath);

            case CallKind.Format:
                return TryFlattenFormat(invocation, parts, known, inPath);

            case CallKind.Create:
                Flatten(HandlerArgument(invocation)!, parts, known, inPath);
                return true;

            default:
                return false;
        }
    }

    private static bool TryFlattenJoin(IInvocationOperation invocation, List<JoinPart> parts, KnownSymbols known, bool inPath)
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
                Flatten(separator, parts, known, inPath);
            }

            Flatten(values[i], parts, known, inPath);
        }

        return true;
    }

    private static bool TryFlattenFormat(IInvocationOperation invocation, List<JoinPart> parts, KnownSymbols known, bool inPath)
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
                Flatten(arguments.Values[index], parts, known, inPath);
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
                return SkipConversions(argument.Value).ConstantValue is { HasValue: true, Value: string };
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
                if (SkipConversions(argument.Value).ConstantValue is not { HasValue: true, Value: string text })
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
    private static void FlattenArgument(IArgumentOperation argument, List<JoinPart> parts, KnownSymbols known, bool inPath)
    {
        IOperation value = SkipConversions(argument.Value);
        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            foreach (IOperation element in initializer.ElementValues)
            {
                Flatten(element, parts, known, inPath);
            }
        }
        else if (IsCollectionLiteral(value) || (argument.ArgumentKind == ParamCollection && value == argument.Value))
        {
            foreach (IOperation element in value.ChildOperations)
            {
                Flatten(element, parts, known, inPath);
            }
        }
        else
        {
            Flatten(argument.Value, parts, known, inPath);
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
        IOperation value = SkipConversions(argument.Value);
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

    /// <summary>Skips the conversions the compiler inserted (to object, string to span); a cast the user wrote stays, as it may read JSON.</summary>
    private static IOperation SkipImplicitConversions(IOperation operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static string ConstantText(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        System.IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Values whose text is known though they are not constants: Environment.NewLine (white space) and string.Empty.</summary>
    private static string? KnownText(IOperation operation, KnownSymbols known) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "NewLine" } property when known.Environment.Matches(property.Property.ContainingType) => "\n",
        IFieldReferenceOperation { Field.Name: "Empty" } field when field.Field.ContainingType.SpecialType == SpecialType.System_String => string.Empty,
        _ => null,
    };

    // ---- StringBuilder ----

    private static bool IsBuilderCall(IOperation? operation, KnownSymbols known)
        => operation is IInvocationOperation invocation && KindOf(invocation, known) == CallKind.Builder;

    /// <summary>True when <paramref name="call"/> is the receiver of a further Append-like call, which is the top of the chain.</summary>
    private static bool IsChainedFurther(IInvocationOperation call, KnownSymbols known)
        => call.Parent is IInvocationOperation outer && outer.Instance == call && IsBuilderCall(outer, known);

    /// <summary>True when the chain is a statement of a block or switch section, which <see cref="BuilderRuns"/> joins.</summary>
    private static bool OwnedByStatementRun(IInvocationOperation chain, KnownSymbols known)
    {
        IOperation? statement = chain.Parent;
        if (statement is IInvocationOperation { TargetMethod.Name: "ToString" } toString && toString.Instance == chain)
        {
            statement = toString.Parent;
        }

        while (statement is IConversionOperation or IVariableInitializerOperation or IVariableDeclaratorOperation or IVariableDeclarationOperation)
        {
            statement = statement.Parent;
        }

        return statement is not null && statement.Parent is IBlockOperation or ISwitchCaseOperation && StatementChain(statement, known) == chain;
    }

    /// <summary>The Append-like chain a statement consists of: <c>sb.Append(…)…;</c>, <c>return sb.Append(…).ToString();</c>, <c>var s = sb.ToString();</c>-like.</summary>
    private static IInvocationOperation? StatementChain(IOperation statement, KnownSymbols known)
    {
        IOperation? value = statement switch
        {
            IExpressionStatementOperation expression => expression.Operation,
            IReturnOperation ret => ret.ReturnedValue,
            IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ } declarator] }] } => declarator.GetVariableInitializer()?.Value,
            _ => null,
        };

        if (value is null)
        {
            return null;
        }

        value = SkipConversions(value);
        if (value is IInvocationOperation { TargetMethod.Name: "ToString", Instance: IInvocationOperation inner } && IsBuilderCall(inner, known))
        {
            value = inner;
        }

        return IsBuilderCall(value, known) ? (IInvocationOperation)value : null;
    }

    /// <summary>The local, field or parameter a chain appends to; null when it starts elsewhere (a new builder, a call).</summary>
    private static ISymbol? BuilderSymbol(IInvocationOperation chain, KnownSymbols known)
    {
        IOperation? receiver = chain.Instance;
        while (IsBuilderCall(receiver, known))
        {
            receiver = ((IInvocationOperation)receiver!).Instance;
        }

        return receiver switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
            _ => null,
        };
    }

    /// <summary>The string argument of <c>var sb = new StringBuilder(value);</c> when <paramref name="statement"/> declares <paramref name="builder"/> so.</summary>
    private static IOperation? CreatedFromString(IOperation statement, ISymbol builder, KnownSymbols known)
    {
        if (statement is IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ } declarator] }] }
            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder)
            && declarator.GetVariableInitializer()?.Value is { } value
            && SkipConversions(value) is IObjectCreationOperation { Arguments.Length: >= 1 } creation
            && known.StringBuilder.Matches(creation.Type)
            && known.IsString(creation.Arguments[0].Parameter?.Type))
        {
            return creation.Arguments[0].Value;
        }

        return null;
    }

    /// <summary>Adds the parts of one chain, innermost call first, starting with the string a <c>new StringBuilder(value)</c> receiver holds.</summary>
    private static void AddChain(IInvocationOperation call, List<JoinPart> parts, KnownSymbols known)
    {
        IOperation? receiver = call.Instance;
        if (IsBuilderCall(receiver, known))
        {
            AddChain((IInvocationOperation)receiver!, parts, known);
        }
        else if (receiver is not null && SkipConversions(receiver) is IObjectCreationOperation { Arguments.Length: >= 1 } creation
                 && known.StringBuilder.Matches(creation.Type) && known.IsString(creation.Arguments[0].Parameter?.Type))
        {
            Flatten(creation.Arguments[0].Value, parts, known, inPath: false);
        }

        AddBuilderCall(call, parts, known);
    }

    private static void AddBuilderCall(IInvocationOperation call, List<JoinPart> parts, KnownSymbols known)
    {
        switch (call.TargetMethod.Name)
        {
            case "Append":
                if (call.Arguments.Length >= 1)
                {
                    Flatten(call.Arguments[0].Value, parts, known, inPath: false);
                }

                break;

            case "AppendLine":
                if (call.Arguments.Length >= 1)
                {
                    Flatten(call.Arguments[0].Value, parts, known, inPath: false);
                }

                parts.Add(new JoinPart(null, "\n", inPathCombine: false));
                break;

            case "Insert" when call.Arguments.Length >= 2:
                var inserted = new List<JoinPart>();
                Flatten(call.Arguments[1].Value, inserted, known, inPath: false);
                if (call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: 0 })
                {
                    parts.InsertRange(0, inserted);
                }
                else
                {
                    parts.AddRange(inserted);
                }

                break;

            case "AppendJoin" or "AppendFormat":
                int count = parts.Count;
                if (!(call.TargetMethod.Name == "AppendJoin" ? TryFlattenJoin(call, parts, known, inPath: false) : TryFlattenFormat(call, parts, known, inPath: false)))
                {
                    parts.RemoveRange(count, parts.Count - count);
                    parts.Add(new JoinPart(call, null, inPathCombine: false));
                }

                break;
        }
    }

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
