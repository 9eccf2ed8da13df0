using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Analyzers;

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
/// Every write to every local of one operation tree (a method body with its lambdas and local functions),
/// collected in one walk the first time a rule needs it and kept as long as the tree lives.
/// </summary>
internal sealed class LocalWrites
{
    private static readonly ConditionalWeakTable<IOperation, LocalWrites> Cache = new();
    private static readonly IReadOnlyList<LocalWrite> None = new LocalWrite[0];

    private readonly Dictionary<ILocalSymbol, List<LocalWrite>> _writes = new(SymbolEqualityComparer.Default);

    private LocalWrites(IOperation root)
    {
        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            Collect(operation);
        }
    }

    /// <summary>The writes of the tree that holds <paramref name="operation"/>.</summary>
    public static LocalWrites For(IOperation operation)
    {
        IOperation root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return Cache.GetValue(root, static r => new LocalWrites(r));
    }

    public IReadOnlyList<LocalWrite> Of(ILocalSymbol local) => _writes.TryGetValue(local, out List<LocalWrite>? list) ? list : None;

    private void Collect(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation declarator:
                if (declarator.GetVariableInitializer() is { } initializer)
                {
                    Add(declarator.Symbol, new LocalWrite(LocalWriteKind.Value, initializer.Value));
                }
                else if (declarator.Parent is IForEachLoopOperation or ICatchClauseOperation)
                {
                    Add(declarator.Symbol, new LocalWrite(LocalWriteKind.Unknown, null));
                }

                break;

            case ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target:
                Add(target.Local, assignment.IsRef ? new LocalWrite(LocalWriteKind.Unknown, null) : new LocalWrite(LocalWriteKind.Value, assignment.Value));
                break;

            case ICoalesceAssignmentOperation coalesce when coalesce.Target is ILocalReferenceOperation target:
                Add(target.Local, new LocalWrite(LocalWriteKind.Value, coalesce.Value));
                break;

            case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target }:
                Add(target.Local, new LocalWrite(LocalWriteKind.Unknown, null));
                break;

            case IIncrementOrDecrementOperation { Target: ILocalReferenceOperation target }:
                Add(target.Local, new LocalWrite(LocalWriteKind.Unknown, null));
                break;

            case IArgumentOperation argument when argument.Parameter is { RefKind: RefKind.Out or RefKind.Ref }:
                if (Unwrap(argument.Value) is ILocalReferenceOperation passed)
                {
                    Add(passed.Local, argument.Parameter.RefKind == RefKind.Out
                        ? new LocalWrite(LocalWriteKind.OutArgument, argument)
                        : new LocalWrite(LocalWriteKind.Unknown, null));
                }

                break;

            case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern:
                Add(declared, new LocalWrite(LocalWriteKind.Pattern, pattern));
                break;

            case IRecursivePatternOperation { DeclaredSymbol: ILocalSymbol declared } pattern:
                Add(declared, new LocalWrite(LocalWriteKind.Pattern, pattern));
                break;

            case IListPatternOperation { DeclaredSymbol: ILocalSymbol declared }:
                Add(declared, new LocalWrite(LocalWriteKind.Unknown, null));
                break;

            case IDeconstructionAssignmentOperation deconstruction:
                CollectDeconstruction(deconstruction);
                break;

            case IForEachLoopOperation loop:
                // Deconstructing foreach variables are not declarators; every iteration variable is unknown.
                foreach (ILocalSymbol local in loop.Locals)
                {
                    Add(local, new LocalWrite(LocalWriteKind.Unknown, null));
                }

                break;
        }
    }

    private void CollectDeconstruction(IDeconstructionAssignmentOperation deconstruction)
    {
        IOperation target = deconstruction.Target is IDeclarationExpressionOperation declaration ? declaration.Expression : deconstruction.Target;
        if (target is not ITupleOperation targets)
        {
            return;
        }

        IOperation value = SkipConversions(deconstruction.Value);
        if (value is ITupleOperation values)
        {
            Pair(targets, values);
            return;
        }

        IMethodSymbol? deconstruct = DeconstructMethod(deconstruction);
        for (int i = 0; i < targets.Elements.Length; i++)
        {
            IParameterSymbol? parameter = deconstruct is not null && i < deconstruct.Parameters.Length ? deconstruct.Parameters[i] : null;
            foreach (ILocalSymbol local in LocalsIn(targets.Elements[i]))
            {
                // A nested tuple inside a Deconstruct result cannot be followed further.
                bool direct = Unwrap(targets.Elements[i]) is ILocalReferenceOperation;
                Add(local, parameter is not null && direct
                    ? new LocalWrite(LocalWriteKind.DeconstructParameter, null, parameter)
                    : new LocalWrite(LocalWriteKind.Unknown, null));
            }
        }
    }

    private void Pair(ITupleOperation targets, ITupleOperation values)
    {
        for (int i = 0; i < targets.Elements.Length; i++)
        {
            IOperation element = Unwrap(targets.Elements[i]);
            IOperation? source = i < values.Elements.Length ? values.Elements[i] : null;
            if (element is ILocalReferenceOperation local)
            {
                Add(local.Local, source is null ? new LocalWrite(LocalWriteKind.Unknown, null) : new LocalWrite(LocalWriteKind.Value, source));
            }
            else if (element is ITupleOperation nested && source is not null && SkipConversions(source) is ITupleOperation nestedValues)
            {
                Pair(nested, nestedValues);
            }
            else
            {
                foreach (ILocalSymbol inner in LocalsIn(element))
                {
                    Add(inner, new LocalWrite(LocalWriteKind.Unknown, null));
                }
            }
        }
    }

    private static IMethodSymbol? DeconstructMethod(IDeconstructionAssignmentOperation deconstruction)
    {
        if (deconstruction.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax syntax && deconstruction.SemanticModel is { } model)
        {
            return Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetDeconstructionInfo(model, syntax).Method;
        }

        return null;
    }

    private static IEnumerable<ILocalSymbol> LocalsIn(IOperation operation)
    {
        foreach (IOperation descendant in operation.DescendantsAndSelf())
        {
            if (descendant is ILocalReferenceOperation reference)
            {
                yield return reference.Local;
            }
        }
    }

    private static IOperation Unwrap(IOperation operation)
        => operation is IDeclarationExpressionOperation declaration ? declaration.Expression : operation;

    private static IOperation SkipConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private void Add(ILocalSymbol local, LocalWrite write)
    {
        if (!_writes.TryGetValue(local, out List<LocalWrite>? list))
        {
            list = new List<LocalWrite>(1);
            _writes.Add(local, list);
        }

        list.Add(write);
    }
}
