using System;
using System.Collections.Generic;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>Registers the operation actions that find every top-most join once, for the rules that judge joins (DSTK0001, DSTK0003).</summary>
internal static class JoinActions
{
    /// <summary>
    /// Calls <paramref name="judge"/> for each top-most join and reports what it returns. (A diagnostic is returned rather
    /// than reported through a callback: a delegate bound to the struct context would box it on every join.) The join's
    /// parts go back to <paramref name="pool"/> after the judgement: judge a join before asking for another.
    /// Operation actions, not a walk of each body of our own: the driver builds the operation tree as it dispatches, while
    /// a walk in an operation-block action builds the lazily made children inside the rule's own time (measured: the
    /// whole-compilation figure of docs/benchmarks.md rose from 2.38x to 4.26x CA1845 with such a walk).
    /// </summary>
    public static void Register(CompilationStartAnalysisContext context, ObjectPool<List<JoinPart>> pool, Func<Join, Diagnostic?> judge)
    {
        context.RegisterOperationAction(
            c =>
            {
                List<JoinPart> parts = pool.Rent();
                try
                {
                    if (JoinForms.TopMost(c.Operation, parts) is { } join && judge(join) is { } diagnostic)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                }
                finally
                {
                    pool.Return(parts);
                }
            },
            OperationKind.Binary,
            OperationKind.CompoundAssignment,
            OperationKind.InterpolatedString,
            OperationKind.Invocation);

        context.RegisterOperationAction(
            c =>
            {
                var statements = c.Operation is IBlockOperation block ? block.Operations : ((ISwitchCaseOperation)c.Operation).Body;
                if (!JoinForms.HasBuilderStatement(statements))
                {
                    return;
                }

                foreach (Join join in JoinForms.BuilderRuns(statements, pool))
                {
                    try
                    {
                        if (judge(join) is { } diagnostic)
                        {
                            c.ReportDiagnostic(diagnostic);
                        }
                    }
                    finally
                    {
                        pool.Return(join.Parts);
                    }
                }
            },
            OperationKind.Block,
            OperationKind.SwitchCase);
    }
}
