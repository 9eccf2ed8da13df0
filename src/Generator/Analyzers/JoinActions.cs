using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>Registers the operation actions that find every top-most join once, for the rules that judge joins (DSTK0001, DSTK0003).</summary>
internal static class JoinActions
{
    /// <summary>
    /// Calls <paramref name="judge"/> for each top-most join and reports what it returns. (A diagnostic is returned rather
    /// than reported through a callback: a delegate bound to the struct context would box it on every join.)
    /// </summary>
    public static void Register(CompilationStartAnalysisContext context, KnownSymbols known, Func<Join, Diagnostic?> judge)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (JoinForms.TopMost(c.Operation, known) is { } join && judge(join) is { } diagnostic)
                {
                    c.ReportDiagnostic(diagnostic);
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
                if (!JoinForms.HasBuilderStatement(statements, known))
                {
                    return;
                }

                foreach (Join join in JoinForms.BuilderRuns(statements, known))
                {
                    if (judge(join) is { } diagnostic)
                    {
                        c.ReportDiagnostic(diagnostic);
                    }
                }
            },
            OperationKind.Block,
            OperationKind.SwitchCase);
    }
}
