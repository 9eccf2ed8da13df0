using System;
using System.Collections.Generic;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>Registers the walk that finds every top-most join once, for the rules that judge joins (DSTK0001, DSTK0003).</summary>
internal static class JoinActions
{
    /// <summary>
    /// Calls <paramref name="judge"/> for each top-most join and reports what it returns. One operation-block action walks
    /// each body instead of an operation action per binary, call and interpolation: most of those are no join, and a
    /// callback per operation cost more than the judging (docs/analyzers.md, "Joins"). The join's parts go back to
    /// <paramref name="pool"/> after the judgement: judge a join before asking for another.
    /// </summary>
    public static void Register(CompilationStartAnalysisContext context, ObjectPool<List<JoinPart>> pool, Func<Join, Diagnostic?> judge)
        => context.RegisterOperationBlockAction(c =>
        {
            var walker = new Walker(pool, judge);
            foreach (IOperation block in c.OperationBlocks)
            {
                walker.Visit(block);
            }

            if (walker.Diagnostics is { } diagnostics)
            {
                foreach (Diagnostic diagnostic in diagnostics)
                {
                    c.ReportDiagnostic(diagnostic);
                }
            }
        });

    private sealed class Walker
    {
        private readonly ObjectPool<List<JoinPart>> _pool;
        private readonly Func<Join, Diagnostic?> _judge;

        // An explicit stack: a generated `a + b + … ` of thousands of operands is as deep as it is long.
        private readonly Stack<IOperation> _pending = new();

        public Walker(ObjectPool<List<JoinPart>> pool, Func<Join, Diagnostic?> judge)
        {
            _pool = pool;
            _judge = judge;
        }

        public List<Diagnostic>? Diagnostics { get; private set; }

        public void Visit(IOperation root)
        {
            _pending.Push(root);
            while (_pending.Count > 0)
            {
                IOperation operation = _pending.Pop();
                switch (operation.Kind)
                {
                    case OperationKind.Binary:
                    case OperationKind.CompoundAssignment:
                    case OperationKind.InterpolatedString:
                    case OperationKind.Invocation:
                        JudgeTopMost(operation);
                        break;
                    case OperationKind.Block:
                    case OperationKind.SwitchCase:
                        JudgeBuilderRuns(operation);
                        break;
                }

                foreach (IOperation child in operation.ChildOperations.Reverse())
                {
                    _pending.Push(child);
                }
            }
        }

        private void JudgeTopMost(IOperation operation)
        {
            List<JoinPart> parts = _pool.Rent();
            try
            {
                if (JoinForms.TopMost(operation, parts) is { } join)
                {
                    Report(_judge(join));
                }
            }
            finally
            {
                _pool.Return(parts);
            }
        }

        private void JudgeBuilderRuns(IOperation operation)
        {
            var statements = operation is IBlockOperation block ? block.Operations : ((ISwitchCaseOperation)operation).Body;
            if (!JoinForms.HasBuilderStatement(statements))
            {
                return;
            }

            foreach (Join join in JoinForms.BuilderRuns(statements, _pool))
            {
                try
                {
                    Report(_judge(join));
                }
                finally
                {
                    _pool.Return(join.Parts);
                }
            }
        }

        private void Report(Diagnostic? diagnostic)
        {
            if (diagnostic is not null)
            {
                (Diagnostics ??= new List<Diagnostic>(1)).Add(diagnostic);
            }
        }
    }
}
