using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// DSTK0101–DSTK0107: <c>[DstackModel]</c> declarations the generator cannot emit code for, found by the generator's own
/// parser (<see cref="DstackModelParser"/>) so that both always agree, and DSTK0106 for a model declared twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeclarationAnalyzer : DiagnosticAnalyzer
{
    private const string RuntimeAssembly = "Dstack.UrlGen";
    private const string AttributeName = "DstackModel";

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
            // [DstackModel] comes from the runtime: a compilation that neither is it nor references it declares nothing.
            if (!CanApplyDstackModel(start.Compilation))
            {
                return;
            }

            var valid = new ConcurrentBag<ValidDeclaration>();
            start.RegisterSyntaxNodeAction(
                c => AnalyzeDeclaration(c, valid),
                SyntaxKind.ClassDeclaration,
                SyntaxKind.RecordDeclaration,
                SyntaxKind.StructDeclaration,
                SyntaxKind.RecordStructDeclaration,
                SyntaxKind.InterfaceDeclaration);
            start.RegisterCompilationEndAction(c => ReportDuplicates(c, valid));
        });
    }

    private static bool CanApplyDstackModel(Compilation compilation)
    {
        if (compilation.AssemblyName == RuntimeAssembly)
        {
            return true;
        }

        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            if (reference.Name == RuntimeAssembly)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Only type declarations with an attribute whose name reads as DstackModel (or is an alias, which can rename it) are
    /// bound; a type is parsed once, from the declaration that holds the attribute the parser itself takes.
    /// </summary>
    private static void AnalyzeDeclaration(SyntaxNodeAnalysisContext context, ConcurrentBag<ValidDeclaration> valid)
    {
        var declaration = (TypeDeclarationSyntax)context.Node;
        if (!HasCandidateAttribute(declaration, context.SemanticModel, context.CancellationToken)
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not { } type
            || DstackModelParser.FindAttribute(type) is not { } attribute
            || attribute.ApplicationSyntaxReference is not { } application
            || application.SyntaxTree != declaration.SyntaxTree
            || !declaration.Span.Contains(application.Span)
            || application.GetSyntax(context.CancellationToken).Parent?.Parent != declaration)
        {
            return;
        }

        DstackModelDeclaration parsed = DstackModelParser.Parse(type, attribute, context.CancellationToken);
        foreach (DeclarationProblem problem in parsed.Problems)
        {
            context.ReportDiagnostic(Local(problem, declaration));
        }

        if (parsed.Spec is { } spec)
        {
            valid.Add(new ValidDeclaration(spec, application.SyntaxTree.GetLocation(application.Span)));
        }
    }

    /// <summary>
    /// A problem found in another part of a partial type (a part in another file that lacks <c>partial</c>) is reported on
    /// this declaration's name, with the other part as an additional location: a syntax-node action reports in its own
    /// tree, and the compiler's CS0260 already marks the other part.
    /// </summary>
    private static Diagnostic Local(DeclarationProblem problem, TypeDeclarationSyntax declaration)
    {
        Diagnostic diagnostic = problem.ToDiagnostic();
        return problem.Location is { SourceTree: { } tree } other && tree != declaration.SyntaxTree
            ? Diagnostic.Create(problem.Descriptor, declaration.Identifier.GetLocation(), new[] { other }, problem.MessageArgs.Cast<object?>().ToArray())
            : diagnostic;
    }

    private static bool HasCandidateAttribute(TypeDeclarationSyntax declaration, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        foreach (AttributeListSyntax list in declaration.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                if (MayNameDstackModel(attribute.Name, model, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MayNameDstackModel(NameSyntax name, SemanticModel model, System.Threading.CancellationToken cancellationToken)
    {
        SimpleNameSyntax simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            _ => (SimpleNameSyntax)name,
        };

        return simple.Identifier.ValueText is AttributeName or AttributeName + "Attribute"
               || (simple is IdentifierNameSyntax identifier && name == simple && model.GetAliasInfo(identifier, cancellationToken) is not null);
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
