namespace Dstack.UrlGen.Generator.Generation;

/// <summary>The names of the generator's pipeline steps, for <c>WithTrackingName</c> and the incrementality tests. Every step has one.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[DstackModel]</c> declaration parsed; null for an invalid one.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>The declarations that parsed into a spec.</summary>
    public const string ValidDeclarations = nameof(ValidDeclarations);

    /// <summary>The valid declarations' specs.</summary>
    public const string Models = nameof(Models);

    /// <summary>Each additional file read as a dstack configuration: its service with a model, or null (not a configuration, no model, invalid).</summary>
    public const string ConfigurationFiles = nameof(ConfigurationFiles);

    /// <summary>The configurations that yield a service with a model.</summary>
    public const string ValidConfigurations = nameof(ValidConfigurations);

    /// <summary>The configured services.</summary>
    public const string Configurations = nameof(Configurations);

    /// <summary>All configured services, in pipeline order.</summary>
    public const string CollectedConfigurations = nameof(CollectedConfigurations);

    /// <summary>The configured services with their class names, clashes left out, ordered by class name.</summary>
    public const string ConfiguredServices = nameof(ConfiguredServices);

    /// <summary>Each configured service with its class name.</summary>
    public const string ConfiguredService = nameof(ConfiguredService);

    /// <summary>Each configured service with the root namespace it is generated in.</summary>
    public const string ConfiguredServiceWithNamespace = nameof(ConfiguredServiceWithNamespace);

    /// <summary>Each configured service as a model spec.</summary>
    public const string ConfiguredModels = nameof(ConfiguredModels);

    /// <summary>Each configured model with the emit options: the input of one generated file.</summary>
    public const string ConfiguredModelsWithOptions = nameof(ConfiguredModelsWithOptions);

    /// <summary>Each configured model as a catalog entry.</summary>
    public const string ConfiguredCatalogEntry = nameof(ConfiguredCatalogEntry);

    /// <summary>The declared and the configured catalog entries side by side.</summary>
    public const string CollectedAllEntries = nameof(CollectedAllEntries);

    /// <summary>The declared models and the configured services side by side.</summary>
    public const string AllModels = nameof(AllModels);

    /// <summary>Whether there is any model to generate; until there is, no compilation fact is read.</summary>
    public const string AnyModel = nameof(AnyModel);

    /// <summary>The consumer's C# language version, reduced to what the emitter needs.</summary>
    public const string Language = nameof(Language);

    /// <summary>Whether the OpenAI SDK and Microsoft.Extensions.AI are referenced; null (not looked up) without a model.</summary>
    public const string LightUp = nameof(LightUp);

    /// <summary>Language and light-up facts side by side.</summary>
    public const string LanguageAndLightUp = nameof(LanguageAndLightUp);

    /// <summary>Language and light-up facts as one value.</summary>
    public const string EmitOptions = nameof(EmitOptions);

    /// <summary>Each valid model with the emit options: the input of one generated file.</summary>
    public const string ModelsWithOptions = nameof(ModelsWithOptions);

    /// <summary>MSBuild's RootNamespace (<c>build_property.RootNamespace</c>), or null.</summary>
    public const string RootNamespaceProperty = nameof(RootNamespaceProperty);

    /// <summary>The compilation's assembly name; null (not read) without a model.</summary>
    public const string AssemblyName = nameof(AssemblyName);

    /// <summary>RootNamespace and assembly name side by side.</summary>
    public const string RootNamespaceInputs = nameof(RootNamespaceInputs);

    /// <summary>The catalog's namespace.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>Each valid model as a catalog entry.</summary>
    public const string CatalogEntry = nameof(CatalogEntry);

    /// <summary>All catalog entries, in pipeline order.</summary>
    public const string CollectedEntries = nameof(CollectedEntries);

    /// <summary>All catalog entries (declared and configured), ordered by declaring type.</summary>
    public const string CatalogEntries = nameof(CatalogEntries);

    /// <summary>The entries with the catalog's namespace.</summary>
    public const string CatalogWithNamespace = nameof(CatalogWithNamespace);

    /// <summary>The entries, the namespace and the language facts.</summary>
    public const string CatalogInputs = nameof(CatalogInputs);

    /// <summary>Whether Dstack.UrlGen.Hosting is referenced (false without a model: nothing is looked up).</summary>
    public const string Hosting = nameof(Hosting);

    /// <summary>The catalog's inputs with the Hosting fact.</summary>
    public const string CatalogWithHosting = nameof(CatalogWithHosting);

    /// <summary>The catalog's full input as one value.</summary>
    public const string Catalog = nameof(Catalog);
}
