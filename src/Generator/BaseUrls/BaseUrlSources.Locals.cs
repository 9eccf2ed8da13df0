using System;
using System.Collections.Generic;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>Locals every write of which is a base_url, and the name-matched locals that hold a URL already.</summary>
internal sealed partial class BaseUrlSources
{
    private bool IsLocal(ILocalReferenceOperation reference, ref Walk walk, LocalKind kind)
    {
        ILocalSymbol local = reference.Local;
        // A constant, or a local that holds a URL already built or written out, is not a raw base_url by its name.
        if (kind == LocalKind.Text && walk.MatchNames && BaseUrlNames.Matches(local.Name) && !local.IsConst && !AnyWriteIsUrl(reference))
        {
            return true;
        }

        if (!walk.Visit(local))
        {
            return false;
        }

        try
        {
            // Most locals are initialized where declared, found among the statements of the declaring block; only a
            // base_url initializer needs the walk of the whole method that finds every other write.
            if (DeclaredInitializerOperation(reference) is { } initializer && !IsLocalValue(initializer, ref walk, kind))
            {
                return false;
            }

            IReadOnlyList<LocalWrite> writes = LocalWriteCache.For(reference).Of(local);
            if (writes.Count == 0)
            {
                return false;
            }

            foreach (LocalWrite write in writes)
            {
                if (!IsBaseUrlWrite(write, ref walk, kind))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            walk.Unvisit(local);
        }
    }

    private bool IsLocalValue(IOperation value, ref Walk walk, LocalKind kind) => kind switch
    {
        LocalKind.Text => IsText(value, ref walk),
        LocalKind.Json => IsJson(value, ref walk),
        _ => IsUri(value, ref walk, out _),
    };

    /// <summary>The initializer of <c>var local = …;</c>, from the statements of the block that declares the local.</summary>
    private static IOperation? DeclaredInitializerOperation(ILocalReferenceOperation reference)
    {
        ILocalSymbol local = reference.Local;
        for (IOperation? parent = reference.Parent; parent is not null; parent = parent.Parent)
        {
            System.Collections.Immutable.ImmutableArray<IOperation> statements;
            switch (parent)
            {
                case IBlockOperation block when block.Locals.Contains(local):
                    statements = block.Operations;
                    break;
                case ISwitchCaseOperation section when section.Locals.Contains(local):
                    statements = section.Body;
                    break;
                default:
                    continue;
            }

            foreach (IOperation statement in statements)
            {
                if (statement is IVariableDeclarationGroupOperation group)
                {
                    foreach (IVariableDeclarationOperation declaration in group.Declarations)
                    {
                        foreach (IVariableDeclaratorOperation declarator in declaration.Declarators)
                        {
                            if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                            {
                                return declarator.GetVariableInitializer()?.Value;
                            }
                        }
                    }
                }
            }

            return null;
        }

        return null;
    }

    private bool IsBaseUrlWrite(LocalWrite write, ref Walk walk, LocalKind kind)
    {
        switch (write.Kind)
        {
            case LocalWriteKind.Value:
                return IsLocalValue(write.Operation!, ref walk, kind);

            case LocalWriteKind.OutArgument:
                var argument = (IArgumentOperation)write.Operation!;
                if (kind == LocalKind.Text)
                {
                    return IsBaseUrlMember(argument.Parameter!);
                }

                // root.TryGetProperty("base_url", out var e); jobject.TryGetValue("base_url", out var token)
                return kind == LocalKind.Json
                       && argument.Parent is IInvocationOperation { TargetMethod.Name: "TryGetProperty" or "TryGetValue", Arguments.Length: >= 2 } call
                       && call.Instance is { } instance && KnownTypes.IsJsonValueType(instance.Type)
                       && IsKey(call.Arguments[0].Value);

            case LocalWriteKind.Pattern:
                return PatternInput((IPatternOperation)write.Operation!) is { } input && IsLocalValue(input, ref walk, kind);

            case LocalWriteKind.DeconstructParameter:
                return kind == LocalKind.Text && IsDeconstructedBaseUrl(write.Parameter!);

            default:
                return false;
        }
    }

    private bool IsDeconstructedBaseUrl(IParameterSymbol parameter)
    {
        if (IsBaseUrlMember(parameter))
        {
            return true;
        }

        // A record's positional Deconstruct hands out its positional properties, each parameter named as its property.
        if (parameter.ContainingSymbol is IMethodSymbol { Name: "Deconstruct", ContainingType: { IsRecord: true } record })
        {
            foreach (ISymbol member in record.GetMembers(parameter.Name))
            {
                if (member is IPropertySymbol property && IsBaseUrlProperty(property, matchNames: false))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IOperation? PatternInput(IPatternOperation pattern)
    {
        IOperation? parent = pattern.Parent;
        while (parent is INegatedPatternOperation or IBinaryPatternOperation)
        {
            parent = parent.Parent;
        }

        return parent switch
        {
            IIsPatternOperation isPattern => isPattern.Value,
            ISwitchExpressionArmOperation { Parent: ISwitchExpressionOperation switchExpression } => switchExpression.Value,
            IPatternCaseClauseOperation { Parent: ISwitchCaseOperation { Parent: ISwitchOperation switchStatement } } => switchStatement.Value,
            IPropertySubpatternOperation subpattern => subpattern.Member,
            _ => null,
        };
    }

    /// <summary>True when some write to the name-matched local is a URL already (docs/analyzers.md, "Name matching").</summary>
    private bool AnyWriteIsUrl(ILocalReferenceOperation reference)
    {
        foreach (LocalWrite write in LocalWriteCache.For(reference).Of(reference.Local))
        {
            if (write.Kind == LocalWriteKind.Value && BaseUrlNames.IsUrlAlready(write.Operation!))
            {
                return true;
            }
        }

        return false;
    }
}
