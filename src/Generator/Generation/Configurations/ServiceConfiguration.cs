namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>A valid <c>type: service</c> configuration with a model: what a model class is generated from.</summary>
/// <param name="Path">The file's path, as the build passes it.</param>
/// <param name="DisplayName">The file's name for messages and generated comments (no machine-specific folders).</param>
/// <param name="RunName">The run name (<c>name:</c>), or null: dstack then picks a random run name when the service is applied.</param>
/// <param name="BaseName">What the class is named after: the run name, else the file name.</param>
/// <param name="ModelName">The model's name (<c>model:</c>, or <c>model.name</c>): <c>service.model.name</c> on the server.</param>
internal sealed record ServiceConfiguration(string Path, string DisplayName, string? RunName, string BaseName, string ModelName);
