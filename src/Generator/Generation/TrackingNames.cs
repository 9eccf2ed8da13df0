namespace Dstack.UrlGen.Generator.Generation;

/// <summary>The names of the generator's pipeline steps, for <c>WithTrackingName</c> and the incrementality tests.</summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[DstackModel]</c> declaration parsed; null for an invalid one.</summary>
    public const string Declarations = nameof(Declarations);

    /// <summary>The valid declarations only.</summary>
    public const string Models = nameof(Models);

    /// <summary>The consumer's C# language version, reduced to what the emitter needs.</summary>
    public const string Language = nameof(Language);

    /// <summary>Whether the OpenAI SDK and Microsoft.Extensions.AI are referenced.</summary>
    public const string LightUp = nameof(LightUp);

    /// <summary>Language and light-up facts combined.</summary>
    public const string EmitOptions = nameof(EmitOptions);

    /// <summary>Each valid model with the emit options: the input of one generated file.</summary>
    public const string ModelsWithOptions = nameof(ModelsWithOptions);

    /// <summary>The project's root namespace.</summary>
    public const string RootNamespace = nameof(RootNamespace);

    /// <summary>All valid models, as catalog entries.</summary>
    public const string CatalogEntries = nameof(CatalogEntries);

    /// <summary>The catalog's full input.</summary>
    public const string Catalog = nameof(Catalog);
}
