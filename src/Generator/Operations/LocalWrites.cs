using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>How a local variable gets a value at one place in its method.</summary>
internal enum LocalWriteKind
{
    /// <summary>Assigned an expression: an initializer, <c>=</c>, <c>??=</c> or a tuple element of a deconstruction.</summary>
    Value,

    /// <summary>Passed as an <c>out</c> argument; <see cref="LocalWrite.Operation"/> is the argument.</summary>
    OutArgument,

    /// <summary>Declared by a pattern; <see cref="LocalWrite.Operation"/> is the pattern.</summary>
    Pattern,

    /// <summary>Receives an out parameter of a <c>Deconstruct</c> method; <see cref="LocalWrite.Parameter"/> is that parameter.</summary>
    DeconstructParameter,

    /// <summary>Anything the analysis cannot follow (<c>ref</c>, <c>+=</c>, <c>foreach</c>, <c>catch</c>…): never a base_url.</summary>
    Unknown,
}

/// <summary>One write to a local.</summary>
internal readonly struct LocalWrite
{
    public LocalWrite(LocalWriteKind kind, IOperation? operation, IParameterSymbol? parameter = null)
    {
        Kind = kind;
        Operation = operation;
        Parameter = parameter;
    }

    public LocalWriteKind Kind { get; }

    public IOperation? Operation { get; }

    public IParameterSymbol? Parameter { get; }
}

/// <summary>
/// The writes to the locals of one operation tree (a method body with its lambdas and local functions). Each local's
/// writes are collected by one walk of the tree the first time a rule asks for them. A <see cref="Cache"/> belongs to one
/// compilation context and holds trees weakly, so nothing outlives the analysis.
/// </summary>
internal sealed class LocalWrites
{
    private readonly IOperation _root;
    private readonly Dictionary<ILocalSymbol, List<LocalWrite>> _writes = new(SymbolEqualityComparer.Default);

    private LocalWrites(IOperation root) => _root = root;

    /// <summary>The writes of every tree one compilation context asked about.</summary>
    internal sealed class Cache
    {
        private readonly ConditionalWeakTable<IOperation, LocalWrites> _trees = new();
        private readonly ConditionalWeakTable<IOperation, LocalWrites>.CreateValueCallback _create = root => new LocalWrites(root);

        /// <summary>The writes of the tree that holds <paramref name="operation"/>.</summary>
        public LocalWrites For(IOperation operation) => _trees.GetValue(operation.Root(), _create);
    }

    public IReadOnlyList<LocalWrite> Of(ILocalSymbol local)
    {
        lock (_writes)
        {
            if (!_writes.TryGetValue(local, out List<LocalWrite>? list))
            {
                list = new List<LocalWrite>(2);
                Collect(_root, local, list);
                _writes.Add(local, list);
            }

            return list;
        }
    }

    private static void Collect(IOperation operation, ILocalSymbol local, List<LocalWrite> writes)
    {
        CollectOne(operation, local, writes);
        foreach (IOperation child in operation.ChildOperations)
        {
            Collect(child, local, writes);
        }
    }

    private static void CollectOne(IOperation operation, ILocalSymbol local, List<LocalWrite> writes)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator when Is(declarator.Symbol, local):
                if (declarator.GetVariableInitializer() is { } initializer)
                {
                    writes.Add(new LocalWrite(LocalWriteKind.Value, initializer.Value));
                }
                else if (declarator.Parent is IForEachLoopOperation or ICatchClauseOperation)
                {
                    writes.Add(Unknown);
                }

                break;

            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Is(target.Local, local):
                writes.Add(assignment.IsRef ? Unknown : new LocalWrite(LocalWriteKind.Value, assignment.Value));
                break;

            case ICoalesceAssignmentOperation { Target: ILocalReferenceOperation target } coalesce when Is(target.Local, local):
                writes.Add(new LocalWrite(LocalWriteKind.Value, coalesce.Value));
                break;

            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } when Is(target.Local, local):
                writes.Add(Unknown);
                break;

            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target } when Is(target.Local, local):
                writes.Add(Unknown);
                break;

            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref } argument
                when OperationExtensions.SkipDeclarationExpression(argument.Value) is ILocalReferenceOperation passed && Is(passed.Local, local):
                writes.Add(argument.Parameter!.RefKind == RefKind.Out ? new LocalWrite(LocalWriteKind.OutArgument, argument) : Unknown);
                break;

            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern when Is(declared, local):
                writes.Add(new LocalWrite(LocalWriteKind.Pattern, pattern));
                break;

            case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern when Is(declared, local):
                writes.Add(new LocalWrite(LocalWriteKind.Pattern, pattern));
                break;

            case IListPatternOperation { DeclaredSymbol: ILocalSymbol declared } when Is(declared, local):
                writes.Add(Unknown);
                break;

            case IDeconstructionAssignmentOperation deconstruction:
                CollectDeconstruction(deconstruction, local, writes);
                break;

            case IForEachLoopOperation loop when loop.Locals.Contains(local):
                // Deconstructing foreach variables are not declarators; every iteration variable is unknown.
                writes.Add(Unknown);
                break;
        }
    }

    private static LocalWrite Unknown => new(LocalWriteKind.Unknown, null);

    private static bool Is(ILocalSymbol candidate, ILocalSymbol local) => SymbolEqualityComparer.Default.Equals(candidate, local);

    private static void CollectDeconstruction(IDeconstructionAssignmentOperation deconstruction, ILocalSymbol local, List<LocalWrite> writes)
    {
        IOperation target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation targets || !Mentions(targets, local))
        {
            return;
        }

        IOperation value = deconstruction.Value.SkipConversions();
        if (value is ITupleOperation values)
        {
            Pair(targets, values, local, writes);
            return;
        }

        IMethodSymbol? deconstruct = DeconstructMethod(deconstruction);
        for (int i = 0; i < targets.Elements.Length; i++)
        {
            if (!Mentions(targets.Elements[i], local))
            {
                continue;
            }

            // A nested tuple inside a Deconstruct result cannot be followed further.
            IParameterSymbol? parameter = deconstruct is not null && i < deconstruct.Parameters.Length ? deconstruct.Parameters[i] : null;
            writes.Add(parameter is not null && OperationExtensions.SkipDeclarationExpression(targets.Elements[i]) is ILocalReferenceOperation
                ? new LocalWrite(LocalWriteKind.DeconstructParameter, null, parameter)
                : Unknown);
        }
    }

    private static void Pair(ITupleOperation targets, ITupleOperation values, ILocalSymbol local, List<LocalWrite> writes)
    {
        for (int i = 0; i < targets.Elements.Length; i++)
        {
            IOperation element = OperationExtensions.SkipDeclarationExpression(targets.Elements[i]);
            if (!Mentions(element, local))
            {
                continue;
            }

            IOperation? source = i < values.Elements.Length ? values.Elements[i] : null;
            if (element is ILocalReferenceOperation)
            {
                writes.Add(source is null ? Unknown : new LocalWrite(LocalWriteKind.Value, source));
            }
            else if (element is ITupleOperation nested && source is not null && source.SkipConversions() is ITupleOperation nestedValues)
            {
                Pair(nested, nestedValues, local, writes);
            }
            else
            {
                writes.Add(Unknown);
            }
        }
    }

    private static bool Mentions(IOperation operation, ILocalSymbol local)
    {
        if (operation is ILocalReferenceOperation reference && Is(reference.Local, local))
        {
            return true;
        }

        foreach (IOperation child in operation.ChildOperations)
        {
            if (Mentions(child, local))
            {
                return true;
            }
        }

        return false;
    }

    private static IMethodSymbol? DeconstructMethod(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax syntax && deconstruction.SemanticModel is { } model)
        {
            return Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetDeconstructionInfo(model, syntax).Method;
        }

        return null;
    }
}
