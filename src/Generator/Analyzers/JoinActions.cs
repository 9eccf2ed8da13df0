using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>Registers the operation actions that find every top-most join once, for the rules that judge joins (DSTK0001, DSTK0003).</summary>
internal static class JoinActions
{
    public static void Register(CompilationStartAnalysisContext context, KnownSymbols known, Action<Join, Action<Diagnostic>> onJoin)
    {
        context.RegisterOperationAction(
            c =>
            {
                if (JoinForms.TopMost(c.Operation, known) is { } join)
                {
                    onJoin(join, c.ReportDiagnostic);
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
                    onJoin(join, c.ReportDiagnostic);
                }
            },
            OperationKind.Block,
            OperationKind.SwitchCase);
    }
}
