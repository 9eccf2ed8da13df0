using System.Text.Json.Serialization;

namespace AnalyzerTour;

/// <summary>
/// Your own DTO for a run's <c>service.model</c>. The <c>[JsonPropertyName("base_url")]</c> mapping on the type that
/// <see cref="RunService.Model"/> holds (the run JSON's <c>service.model.base_url</c>) is what tells the analyzers that
/// <see cref="BaseUrl"/> holds a dstack base_url; the property's name plays no part. A <c>base_url</c> key on any other
/// DTO (an SDK's API root, an OpenAI-compatible provider config) is not a dstack base_url.
/// </summary>
public sealed class ServiceModel
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("base_url")]
    public string BaseUrl { get; set; } = "";
}

/// <summary>A run's <c>service</c>.</summary>
public sealed class RunService
{
    [JsonPropertyName("model")]
    public ServiceModel? Model { get; set; }
}

/// <summary>A run, as the dstack server reports it.</summary>
public sealed class Run
{
    [JsonPropertyName("service")]
    public RunService? Service { get; set; }
}
