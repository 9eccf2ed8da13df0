using System.Collections.Generic;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>The StringBuilder join forms: Append-like chains and consecutive statements appending to one builder.</summary>
internal static partial class JoinForms
{
    private static bool IsBuilderCall(IOperation? operation)
        => operation is IInvocationOperation invocation && KindOf(invocation) == CallKind.Builder;

    /// <summary>True when <paramref name="call"/> is the receiver of a further Append-like call, which is the top of the chain.</summary>
    private static bool IsChainedFurther(IInvocationOperation call)
        => call.Parent is IInvocationOperation outer && outer.Instance == call && IsBuilderCall(outer);

    /// <summary>True when the chain is a statement of a block or switch section, which <see cref="BuilderRuns"/> joins.</summary>
    private static bool OwnedByStatementRun(IInvocationOperation chain)
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

        return statement is not null && statement.Parent is IBlockOperation or ISwitchCaseOperation && StatementChain(statement) == chain;
    }

    /// <summary>The Append-like chain a statement consists of: <c>sb.Append(…)…;</c>, <c>return sb.Append(…).ToString();</c>, <c>var s = sb.ToString();</c>-like.</summary>
    private static IInvocationOperation? StatementChain(IOperation statement)
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

        value = value.SkipConversions();
        if (value is IInvocationOperation { TargetMethod.Name: "ToString", Instance: IInvocationOperation inner } && IsBuilderCall(inner))
        {
            value = inner;
        }

        return IsBuilderCall(value) ? (IInvocationOperation)value : null;
    }

    /// <summary>The local, field or parameter a chain appends to; null when it starts elsewhere (a new builder, a call).</summary>
    private static ISymbol? BuilderSymbol(IInvocationOperation chain)
    {
        IOperation? receiver = chain.Instance;
        while (IsBuilderCall(receiver))
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
    private static IOperation? CreatedFromString(IOperation statement, ISymbol builder)
    {
        if (statement is IVariableDeclarationGroupOperation { Declarations: [{ Declarators: [{ } declarator] }] }
            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, builder)
            && declarator.GetVariableInitializer()?.Value is { } value
            && value.SkipConversions() is IObjectCreationOperation { Arguments.Length: >= 1 } creation
            && KnownTypes.StringBuilder.Matches(creation.Type)
            && KnownTypes.IsString(creation.Arguments[0].Parameter?.Type))
        {
            return creation.Arguments[0].Value;
        }

        return null;
    }

    /// <summary>Adds the parts of one chain, innermost call first, starting with the string a <c>new StringBuilder(value)</c> receiver holds.</summary>
    private static void AddChain(IInvocationOperation call, List<JoinPart> parts)
    {
        IOperation? receiver = call.Instance;
        if (IsBuilderCall(receiver))
        {
            AddChain((IInvocationOperation)receiver!, parts);
        }
        else if (receiver is not null && receiver.SkipConversions() is IObjectCreationOperation { Arguments.Length: >= 1 } creation
                 && KnownTypes.StringBuilder.Matches(creation.Type) && KnownTypes.IsString(creation.Arguments[0].Parameter?.Type))
        {
            Flatten(creation.Arguments[0].Value, parts, inPath: false);
        }

        AddBuilderCall(call, parts);
    }

    private static void AddBuilderCall(IInvocationOperation call, List<JoinPart> parts)
    {
        switch (call.TargetMethod.Name)
        {
            case "Append":
                if (call.Arguments.Length >= 1)
                {
                    Flatten(call.Arguments[0].Value, parts, inPath: false);
                }

                break;

            case "AppendLine":
                if (call.Arguments.Length >= 1)
                {
                    Flatten(call.Arguments[0].Value, parts, inPath: false);
                }

                parts.Add(new JoinPart(null, "\n", inPathCombine: false));
                break;

            case "Insert" when call.Arguments.Length >= 2:
                var inserted = new List<JoinPart>();
                Flatten(call.Arguments[1].Value, inserted, inPath: false);
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
                if (!(call.TargetMethod.Name == "AppendJoin" ? TryFlattenJoin(call, parts, inPath: false) : TryFlattenFormat(call, parts, inPath: false)))
                {
                    parts.RemoveRange(count, parts.Count - count);
                    parts.Add(new JoinPart(call, null, inPathCombine: false));
                }

                break;
        }
    }
}
