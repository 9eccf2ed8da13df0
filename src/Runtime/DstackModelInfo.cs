namespace Dstack.UrlGen;

/// <summary>A model declared with <see cref="DstackModelAttribute"/>, as the generated code describes it.</summary>
/// <param name="ModelName">The model's name (<c>service.model.name</c>).</param>
/// <param name="Project">The declared project, or null for the client's project.</param>
/// <param name="Run">The declared run name, or null to find the model by name.</param>
/// <param name="BaseUrl">The declared compile-time <c>base_url</c>, or null to ask the server.</param>
/// <param name="DeclaringType">The fully qualified name of the declaring type.</param>
public sealed record DstackModelInfo(
    string ModelName,
    string? Project,
    string? Run,
    [property: DstackBaseUrl] string? BaseUrl,
    string DeclaringType);
