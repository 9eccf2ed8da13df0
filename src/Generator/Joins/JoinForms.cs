using System.Collections.Generic;
using System.Globalization;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>
/// The one join model (docs/analyzers.md, "Joins"): recognises the join forms ("+", "+=", interpolated strings,
/// string.Concat/Format/Join/Create, Path.Combine/Join, StringBuilder chains and consecutive StringBuilder statements) and
/// flattens the top-most one into its parts. DSTK0001, DSTK0003 and the DSTK0001 code fix all read joins through it.
/// Arguments are walked generically: a params array, a collection expression and a newer compiler's params collection
/// (net10.0's <c>params ReadOnlySpan&lt;string&gt;</c> overloads) all give their elements, whatever operation kind holds them.
/// </summary>
internal static partial class JoinForms
{
    /// <summary><c>ArgumentKind.ParamCollection</c> of Roslyn 4.11+, which this assembly (built on 4.8) cannot name.</summary>
    private const ArgumentKind ParamCollection = (ArgumentKind)4;


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
    /// The parts go into <paramref name="parts"/> (cleared first), which the caller rents and returns.
    /// </summary>
    public static Join? TopMost(IOperation operation, List<JoinPart> parts)
    {
        CallKind kind = KindOf(operation);
        if (kind == CallKind.None)
        {
            return null;
        }

        if (kind != CallKind.Builder && IsNested(operation))
        {
            return null;
        }

        parts.Clear();
        if (kind == CallKind.Builder)
        {
            var call = (IInvocationOperation)operation;
            if (IsChainedFurther(call) || OwnedByStatementRun(call))
            {
                return null;
            }

            AddChain(call, parts);
            return new Join(operation, operation.Syntax.Span, parts);
        }

        if (!TryFlatten(operation, parts, inPath: false))
        {
            return null;
        }

        return new Join(operation, operation.Syntax.Span, parts);
    }

    /// <summary>
    /// The parts of <paramref name="top"/>, a join a diagnostic was reported on (the code fixes read the join again
    /// through the same model); false when it is no join.
    /// </summary>
    public static bool TryFlattenTop(IOperation top, List<JoinPart> parts)
    {
        parts.Clear();
        switch (KindOf(top))
        {
            case CallKind.None:
                return false;
            case CallKind.Builder:
                AddChain((IInvocationOperation)top, parts);
                return true;
            default:
                return TryFlatten(top, parts, inPath: false);
        }
    }

    /// <summary>
    /// Joins of consecutive statements that append to the same StringBuilder (<c>sb.Append(a); sb.Append(b);</c>), including a
    /// declaration just before them that creates it from a string, and a closing <c>return sb.ToString();</c>-like statement.
    /// </summary>
    public static IEnumerable<Join> BuilderRuns(System.Collections.Immutable.ImmutableArray<IOperation> statements, ObjectPool<List<JoinPart>> pool)
    {
        IOperation? previous = null;
        List<IOperation>? run = null;
        ISymbol? runBuilder = null;
        foreach (IOperation statement in statements)
        {
            IInvocationOperation? chain = StatementChain(statement);
            ISymbol? builder = chain is null ? null : BuilderSymbol(chain);
            if (chain is not null && run is not null && builder is not null && SymbolEqualityComparer.Default.Equals(builder, runBuilder))
            {
                run.Add(statement);
            }
            else
            {
                if (run is not null)
                {
                    yield return RunJoin(run, runBuilder, pool.Rent());
                    run = null;
                }

                if (chain is not null)
                {
                    run = new List<IOperation>();
                    if (previous is not null && builder is not null && CreatedFromString(previous, builder) is not null)
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
            yield return RunJoin(run, runBuilder, pool.Rent());
        }
    }

    /// <summary>True when some statement appends to a StringBuilder: the cheap test before <see cref="BuilderRuns"/>.</summary>
    public static bool HasBuilderStatement(System.Collections.Immutable.ImmutableArray<IOperation> statements)
    {
        foreach (IOperation statement in statements)
        {
            if (StatementChain(statement) is not null)
            {
                return true;
            }
        }

        return false;
    }


    private static Join RunJoin(List<IOperation> run, ISymbol? builder, List<JoinPart> parts)
    {
        parts.Clear();
        foreach (IOperation statement in run)
        {
            if (StatementChain(statement) is { } chain)
            {
                AddChain(chain, parts);
            }
            else if (builder is not null && CreatedFromString(statement, builder) is { } initial)
            {
                Flatten(initial, parts, inPath: false);
            }
        }

        TextSpan span = run.Count == 1
            ? StatementChain(run[0])!.Syntax.Span
            : TextSpan.FromBounds(run[0].Syntax.SpanStart, run[run.Count - 1].Syntax.Span.End);
        return new Join(run[0], span, parts);
    }


    private static CallKind KindOf(IOperation operation)
    {
        switch (operation)
        {
            case IBinaryOperation binary:
                return IsStringAdd(binary) ? CallKind.Concat : CallKind.None;
            case ICompoundAssignmentOperation compound:
                return compound.OperatorKind == BinaryOperatorKind.Add && KnownTypes.IsString(compound.Type) ? CallKind.Concat : CallKind.None;
            case IInterpolatedStringOperation:
                return CallKind.Concat;
            case IInvocationOperation invocation:
                return KindOf(invocation);
            default:
                return CallKind.None;
        }
    }

    private static CallKind KindOf(IInvocationOperation invocation)
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

        if (KnownTypes.Path.Matches(type))
        {
            return method.Name is "Combine" or "Join" ? CallKind.Path : CallKind.None;
        }

        if (KnownTypes.StringBuilder.Matches(type) && !method.IsStatic)
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
    private static bool IsNested(IOperation operation)
    {
        IOperation? parent = operation.Parent;
        while (parent is not null && IsTransparent(parent))
        {
            parent = parent.Parent;
        }

        return parent is not null && KindOf(parent) != CallKind.None;
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

    private static bool TryFlatten(IOperation operation, List<JoinPart> parts, bool inPath)
    {
        switch (operation)
        {
            case ICompoundAssignmentOperation compound:
                Flatten(compound.Target, parts, inPath);
                Flatten(compound.Value, parts, inPath);
                return true;
            case IInvocationOperation invocation:
                return TryFlattenCall(invocation, parts, inPath);
            default:
                Flatten(operation, parts, inPath);
                return true;
        }
    }

    private static void Flatten(IOperation operation, List<JoinPart> parts, bool inPath)
    {
        operation = operation.SkipImplicitConversions();

        // A folded constant is still flattened: a [DstackBaseUrl] constant joined by hand is the same mistake.
        if (operation.ConstantValue.HasValue && operation is not (IBinaryOperation or IInterpolatedStringOperation))
        {
            parts.Add(new JoinPart(operation, ConstantText(operation.ConstantValue.Value), inPath));
            return;
        }

        if (KnownText(operation) is { } text)
        {
            parts.Add(new JoinPart(operation, text, inPath));
            return;
        }

        switch (operation)
        {
            case IBinaryOperation binary when IsStringAdd(binary):
                Flatten(binary.LeftOperand, parts, inPath);
                Flatten(binary.RightOperand, parts, inPath);
                return;
            case IInterpolatedStringOperation interpolated:
                foreach (IInterpolatedStringContentOperation content in interpolated.Parts)
                {
                    FlattenContent(content, parts, inPath);
                }

                return;
            case IInterpolatedStringHandlerCreationOperation handler:
                Flatten(handler.Content, parts, inPath);
                return;
            case IInterpolatedStringAdditionOperation addition:
                Flatten(addition.Left, parts, inPath);
                Flatten(addition.Right, parts, inPath);
                return;
            case IInvocationOperation invocation when KindOf(invocation) is not (CallKind.None or CallKind.Builder):
                int count = parts.Count;
                if (TryFlattenCall(invocation, parts, inPath))
                {
                    return;
                }

                parts.RemoveRange(count, parts.Count - count);
                break;
        }

        parts.Add(new JoinPart(operation, null, inPath));
    }

    private static void FlattenContent(IInterpolatedStringContentOperation content, List<JoinPart> parts, bool inPath)
    {
        switch (content)
        {
            case IInterpolatedStringTextOperation text:
                parts.Add(new JoinPart(null, text.Text.ConstantValue.Value as string ?? string.Empty, inPath));
                break;
            case IInterpolationOperation interpolation:
                Flatten(interpolation.Expression, parts, inPath);
                break;
            case IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation { Arguments.Length: >= 1 } call }:
                Flatten(call.Arguments[0].Value, parts, inPath);
                break;
            default:
                parts.Add(new JoinPart(content, null, inPath));
                break;
        }
    }

    private static bool TryFlattenCall(IInvocationOperation invocation, List<JoinPart> parts, bool inPath)
    {
        CallKind kind = KindOf(invocation);
        switch (kind)
        {
            case CallKind.Concat:
            case CallKind.Path:
                foreach (IArgumentOperation argument in invocation.Arguments)
                {
                    FlattenArgument(argument, parts, inPath || kind == CallKind.Path);
                }

                return true;

            case CallKind.Join:
                return TryFlattenJoin(invocation, parts, inPath);

            case CallKind.Format:
                return TryFlattenFormat(invocation, parts, inPath);

            case CallKind.Create:
                Flatten(HandlerArgument(invocation)!, parts, inPath);
                return true;

            default:
                return false;
        }
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
    private static string? KnownText(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "NewLine" } property when KnownTypes.Environment.Matches(property.Property.ContainingType) => "\n",
        IFieldReferenceOperation { Field.Name: "Empty" } field when field.Field.ContainingType.SpecialType == SpecialType.System_String => string.Empty,
        _ => null,
    };
}
