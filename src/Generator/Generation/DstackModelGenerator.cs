using System.Text;
using Dstack.UrlGen.Generator.Generation.Configurations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>
/// Generates, for each class with <c>[DstackModel]</c> and for each dstack service configuration with a model
/// (<c>*.dstack.yml</c> additional files, see docs/configurations.md), its strongly typed endpoint accessors, and one
/// <c>DstackModelCatalog</c> listing them all. Invalid declarations are skipped without a word: the analyzers
/// report them (so that <c>#pragma</c> and <c>.editorconfig</c> apply), using the same parser.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class DstackModelGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<DstackModelSpec> models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DstackModelParser.AttributeMetadataName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (attributeContext, cancellationToken) => ParseForGeneration(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.Declarations)
            .Where(static spec => spec is not null)
            .WithTrackingName(TrackingNames.ValidDeclarations)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Models);

        // The project's dstack configurations: each parsed from its path and text alone, so an edit anywhere else
        // (a .cs file, another additional file) leaves every configuration cached.
        IncrementalValueProvider<EquatableArray<ConfiguredService>> configuredServices = context.AdditionalTextsProvider
            .Select(static (text, cancellationToken) => ConfigurationFiles.IsConfiguration(text.Path) && text.GetText(cancellationToken) is { } content
                ? ConfigurationParser.Parse(text.Path, content, cancellationToken).Service
                : null)
            .WithTrackingName(TrackingNames.ConfigurationFiles)
            .Where(static service => service is not null)
            .WithTrackingName(TrackingNames.ValidConfigurations)
            .Select(static (service, _) => service!)
            .WithTrackingName(TrackingNames.Configurations)
            .Collect()
            .WithTrackingName(TrackingNames.CollectedConfigurations)
            .Select(static (services, _) => ConfiguredServices.Resolve(services))
            .WithTrackingName(TrackingNames.ConfiguredServices);

        IncrementalValueProvider<bool> nullableAnnotations = context.ParseOptionsProvider
            .Select(static (options, _) => CompilationFacts.AllowsNullableAnnotations(options))
            .WithTrackingName(TrackingNames.Language);

        IncrementalValueProvider<bool> anyModel = models
            .Collect()
            .Combine(configuredServices)
            .WithTrackingName(TrackingNames.AllModels)
            .Select(static (pair, _) => pair.Left.Length > 0 || pair.Right.Count > 0)
            .WithTrackingName(TrackingNames.AnyModel);

        // No cost without work: the compilation is read (type look-ups, assembly name) only once a model exists,
        // so a project that references the package without declaring a model pays for none of it (docs/benchmarks.md).
        // This pair holds the compilation, so it is the one step left unnamed: a named step's value is checked to hold
        // no compiler object.
        IncrementalValueProvider<(bool AnyModel, Compilation Compilation)> compilationWhenNeeded = anyModel.Combine(context.CompilationProvider);

        IncrementalValueProvider<LightUpFacts?> lightUp = compilationWhenNeeded
            .Select(static (pair, _) => pair.AnyModel ? CompilationFacts.LightUp(pair.Compilation) : null)
            .WithTrackingName(TrackingNames.LightUp);

        IncrementalValueProvider<EmitOptions> emitOptions = nullableAnnotations
            .Combine(lightUp)
            .WithTrackingName(TrackingNames.LanguageAndLightUp)
            .Select(static (pair, _) => new EmitOptions(pair.Left, pair.Right?.OpenAIChatClient == true, pair.Right?.ExtensionsAIChatClient == true))
            .WithTrackingName(TrackingNames.EmitOptions);

        context.RegisterSourceOutput(
            models.Combine(emitOptions).WithTrackingName(TrackingNames.ModelsWithOptions),
            static (production, pair) => production.AddSource(pair.Left.HintName, Source(DstackModelEmitter.Emit(pair.Left, pair.Right))));

        IncrementalValueProvider<string?> rootNamespaceProperty = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => CompilationFacts.RootNamespaceProperty(options.GlobalOptions))
            .WithTrackingName(TrackingNames.RootNamespaceProperty);

        IncrementalValueProvider<string?> assemblyName = compilationWhenNeeded
            .Select(static (pair, _) => pair.AnyModel ? pair.Compilation.AssemblyName : null)
            .WithTrackingName(TrackingNames.AssemblyName);

        IncrementalValueProvider<string> rootNamespace = rootNamespaceProperty
            .Combine(assemblyName)
            .WithTrackingName(TrackingNames.RootNamespaceInputs)
            .Select(static (pair, _) => CompilationFacts.RootNamespace(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.RootNamespace);

        IncrementalValuesProvider<DstackModelSpec> configuredModels = configuredServices
            .SelectMany(static (services, _) => services.AsImmutableArray())
            .WithTrackingName(TrackingNames.ConfiguredService)
            .Combine(rootNamespace)
            .WithTrackingName(TrackingNames.ConfiguredServiceWithNamespace)
            .Select(static (pair, _) => ConfiguredModel.Spec(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.ConfiguredModels);

        context.RegisterSourceOutput(
            configuredModels.Combine(emitOptions).WithTrackingName(TrackingNames.ConfiguredModelsWithOptions),
            static (production, pair) => production.AddSource(pair.Left.HintName, Source(DstackModelEmitter.Emit(pair.Left, pair.Right))));

        IncrementalValueProvider<EquatableArray<CatalogEntry>> catalogEntries = models
            .Select(static (spec, _) => CatalogEntryOf(spec))
            .WithTrackingName(TrackingNames.CatalogEntry)
            .Collect()
            .WithTrackingName(TrackingNames.CollectedEntries)
            .Combine(configuredModels.Select(static (spec, _) => CatalogEntryOf(spec)).WithTrackingName(TrackingNames.ConfiguredCatalogEntry).Collect())
            .WithTrackingName(TrackingNames.CollectedAllEntries)
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right).Sort(static (a, b) => string.CompareOrdinal(a.DeclaringType, b.DeclaringType)).ToEquatableArray())
            .WithTrackingName(TrackingNames.CatalogEntries);

        IncrementalValueProvider<CatalogSpec> catalog = catalogEntries
            .Combine(rootNamespace)
            .WithTrackingName(TrackingNames.CatalogWithNamespace)
            .Combine(nullableAnnotations)
            .WithTrackingName(TrackingNames.CatalogInputs)
            .Combine(lightUp.Select(static (facts, _) => facts?.HostingBuilder == true).WithTrackingName(TrackingNames.Hosting))
            .WithTrackingName(TrackingNames.CatalogWithHosting)
            .Select(static (pair, _) => new CatalogSpec(pair.Left.Left.Right, pair.Left.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Catalog);

        context.RegisterSourceOutput(catalog, static (production, spec) =>
        {
            if (spec.Models.Count > 0)
            {
                production.AddSource(CatalogEmitter.HintName, Source(CatalogEmitter.Emit(spec)));
            }
        });
    }

    private static CatalogEntry CatalogEntryOf(DstackModelSpec spec)
        => new(spec.ModelName, spec.Project, spec.Run, spec.BaseUrl, spec.FullName);

    /// <summary>
    /// The spec of a valid declaration, or null. A partial type with <c>[DstackModel]</c> on more than one part
    /// (a compiler error) is generated once, from its first attribute, so that no hint name repeats.
    /// </summary>
    private static DstackModelSpec? ParseForGeneration(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || DstackModelParser.FindAttribute(type) is not { } first
            || !IsOnNode(first, context.TargetNode))
        {
            return null;
        }

        return DstackModelParser.Parse(type, first, cancellationToken).Spec;
    }

    private static bool IsOnNode(AttributeData attribute, SyntaxNode node)
        => attribute.ApplicationSyntaxReference is { } reference
            && reference.SyntaxTree == node.SyntaxTree
            && node.Span.Contains(reference.Span);

    private static SourceText Source(string text) => SourceText.From(text, Encoding.UTF8);
}
