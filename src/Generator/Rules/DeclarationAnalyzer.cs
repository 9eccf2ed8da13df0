using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// DSTK0101–DSTK0107: <c>[DstackModel]</c> declarations the generator cannot emit code for, found by the generator's own
/// parser (<see cref="DstackModelParser"/>) so that both always agree, and DSTK0106 for a model declared twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TypeNotPartial,
        DiagnosticDescriptors.EmptyModelName,
        DiagnosticDescriptors.InvalidBaseUrl,
        DiagnosticDescriptors.InvalidProjectName,
        DiagnosticDescriptors.InvalidRunName,
        DiagnosticDescriptors.DuplicateDeclaration,
        DiagnosticDescriptors.UnsupportedTarget);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var valid = new ConcurrentBag<ValidDeclaration>();
            start.RegisterSymbolAction(c => AnalyzeType(c, valid), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(c => ReportDuplicates(c, valid));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<ValidDeclaration> valid)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!HasAttributeSyntax(type, context.CancellationToken) || DstackModelParser.FindAttribute(type) is not { } attribute)
        {
            return;
        }

        DstackModelDeclaration declaration = DstackModelParser.Parse(type, attribute, context.CancellationToken);
        foreach (DeclarationProblem problem in declaration.Problems)
        {
            context.ReportDiagnostic(problem.ToDiagnostic());
        }

        if (declaration.Spec is { } spec && attribute.ApplicationSyntaxReference is { } application)
        {
            valid.Add(new ValidDeclaration(spec, application.SyntaxTree.GetLocation(application.Span)));
        }
    }

    /// <summary>
    /// Binding a type's attributes is work; a source type none of whose declarations has an attribute list needs none.
    /// (Names are not compared here: an alias can rename DstackModelAttribute.)
    /// </summary>
    private static bool HasAttributeSyntax(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Every declaration of a model after its first, in file-path then position order, is a duplicate of the first.
    /// The order does not depend on which thread analysed which type first.
    /// </summary>
    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<ValidDeclaration> valid)
    {
        List<ValidDeclaration> ordered = valid
            .OrderBy(d => d.Location.SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ToList();

        for (int i = 1; i < ordered.Count; i++)
        {
            for (int first = 0; first < i; first++)
            {
                if (ordered[first].Spec.DeclaresSameModelAs(ordered[i].Spec))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.DuplicateDeclaration,
                        ordered[i].Location,
                        ordered[i].Spec.ModelName,
                        ordered[first].Spec.FullName,
                        ordered[i].Spec.FullName));
                    break;
                }
            }
        }
    }

    private sealed class ValidDeclaration
    {
        public ValidDeclaration(DstackModelSpec spec, Location location)
        {
            Spec = spec;
            Location = location;
        }

        public DstackModelSpec Spec { get; }

        public Location Location { get; }
    }
}
