using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Generation.Configurations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// DSTK0108–DSTK0113: the project's dstack configurations (<c>*.dstack.yml</c> additional files, docs/configurations.md)
/// read with the generator's own parser, so that every file the generator skips is reported at its file and line,
/// and the <c>[DstackModel]</c> declarations checked against them. A project without configurations costs one look
/// at the names of its additional files.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DstackConfigurationAnalyzer : DiagnosticAnalyzer
{
    private const int MaxListedRuns = 10;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ConfigurationNotYaml,
        DiagnosticDescriptors.ConfigurationInvalidRunName,
        DiagnosticDescriptors.ConfigurationInvalidModel,
        DiagnosticDescriptors.DuplicateConfiguredService,
        DiagnosticDescriptors.RunConfiguredWithAnotherModel,
        DiagnosticDescriptors.RunNotConfigured);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var parses = new Dictionary<string, ConfigurationParse>(StringComparer.Ordinal);
            foreach (AdditionalText file in start.Options.AdditionalFiles)
            {
                if (ConfigurationFiles.IsConfiguration(file.Path) && !parses.ContainsKey(file.Path) && file.GetText(start.CancellationToken) is { } text)
                {
                    parses.Add(file.Path, ConfigurationParser.Parse(file.Path, text, start.CancellationToken));
                }
            }

            if (parses.Count == 0)
            {
                return;
            }

            var services = parses.Values.Select(p => p.Service).OfType<ServiceConfiguration>().ToImmutableArray();
            var duplicates = ConfiguredServices.Duplicates(services).ToDictionary(d => d.Skipped.Path, StringComparer.Ordinal);
            start.RegisterAdditionalFileAction(c => ReportFile(c, parses, duplicates));

            if (services.Length > 0)
            {
                var byRun = services.Where(s => s.RunName is not null).ToLookup(s => s.RunName!, StringComparer.Ordinal);
                string configuredRuns = ConfiguredRuns(services);
                start.RegisterSymbolAction(c => CheckDeclaration(c, byRun, configuredRuns), SymbolKind.NamedType);
            }
        });
    }

    private static void ReportFile(AdditionalFileAnalysisContext context, Dictionary<string, ConfigurationParse> parses, Dictionary<string, DuplicateService> duplicates)
    {
        string path = context.AdditionalFile.Path;
        if (!parses.TryGetValue(path, out ConfigurationParse? parse))
        {
            return;
        }

        string file = ConfigurationFiles.DisplayName(path);
        foreach (ConfigurationProblem problem in parse.Problems)
        {
            DiagnosticDescriptor descriptor = problem.Kind switch
            {
                ConfigurationProblemKind.InvalidYaml => DiagnosticDescriptors.ConfigurationNotYaml,
                ConfigurationProblemKind.InvalidRunName => DiagnosticDescriptors.ConfigurationInvalidRunName,
                _ => DiagnosticDescriptors.ConfigurationInvalidModel,
            };
            context.ReportDiagnostic(Diagnostic.Create(descriptor, At(path, problem), file, problem.Detail));
        }

        if (duplicates.TryGetValue(path, out DuplicateService? duplicate))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateConfiguredService,
                Location.Create(path, default, default),
                file,
                duplicate.Kept.DisplayName,
                duplicate.ClassName));
        }
    }

    private static void CheckDeclaration(SymbolAnalysisContext context, ILookup<string, ServiceConfiguration> byRun, string configuredRuns)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (DstackModelParser.FindAttribute(type) is not { } attribute
            || DstackModelParser.Parse(type, attribute, context.CancellationToken).Spec is not { Run: { } run } spec)
        {
            return;
        }

        Location location = RunArgument(attribute, context.CancellationToken) ?? type.Locations.FirstOrDefault() ?? Location.None;
        string typeName = type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);
        ServiceConfiguration[] configured = byRun[run].ToArray();
        if (configured.Length == 0)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RunNotConfigured, location, typeName, run, configuredRuns));
        }
        else if (!configured.Any(s => string.Equals(s.ModelName, spec.ModelName, StringComparison.Ordinal)))
        {
            ServiceConfiguration other = configured.OrderBy(s => s.Path, StringComparer.Ordinal).First();
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.RunConfiguredWithAnotherModel, location, typeName, run, spec.ModelName, other.DisplayName, other.ModelName));
        }
    }

    private static string ConfiguredRuns(ImmutableArray<ServiceConfiguration> services)
    {
        var runs = services.Select(s => s.RunName).OfType<string>().Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();
        if (runs.Count == 0)
        {
            return "none has a name:";
        }

        string listed = string.Join(", ", runs.Take(MaxListedRuns));
        return runs.Count > MaxListedRuns ? $"{listed} and {runs.Count - MaxListedRuns} more" : listed;
    }

    private static Location? RunArgument(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        AttributeArgumentSyntax? argument = syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Run");
        return (argument?.Expression ?? (SyntaxNode)syntax).GetLocation();
    }

    private static Location At(string path, ConfigurationProblem problem)
        => Location.Create(
            path,
            TextSpan.FromBounds(problem.Start, problem.End),
            new LinePositionSpan(new LinePosition(problem.StartLine, problem.StartColumn), new LinePosition(problem.EndLine, problem.EndColumn)));
}
