namespace Dstack.UrlGen.Generator.Generation;

/// <summary>The generated <c>DstackModelCatalog</c>: every valid declaration of the compilation.</summary>
/// <param name="Namespace">The project's root namespace as C# writes it; "" for the global namespace.</param>
/// <param name="Models">The declared models, ordered by declaring type.</param>
/// <param name="NullableAnnotations">Whether <c>#nullable enable</c> may be written.</param>
/// <param name="HostingBuilder">Whether Dstack.UrlGen.Hosting is referenced, so <c>AddDeclaredModels</c> is written.</param>
internal sealed record CatalogSpec(string Namespace, EquatableArray<CatalogEntry> Models, bool NullableAnnotations, bool HostingBuilder = false);

/// <summary>One declared model as the catalog lists it.</summary>
/// <param name="ModelName">The model's name.</param>
/// <param name="Project">The declared project, or null.</param>
/// <param name="Run">The declared run name, or null.</param>
/// <param name="BaseUrl">The declared compile-time <c>base_url</c>, or null.</param>
/// <param name="DeclaringType">The declaring type's fully qualified name without <c>global::</c>.</param>
internal sealed record CatalogEntry(string ModelName, string? Project, string? Run, string? BaseUrl, string DeclaringType);
