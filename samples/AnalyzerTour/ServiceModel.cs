using System.Text.Json.Serialization;

namespace AnalyzerTour;

/// <summary>
/// Your own DTO for a run's <c>service.model</c>. The <c>[JsonPropertyName("base_url")]</c> mapping is what tells
/// the analyzers that <see cref="BaseUrl"/> holds a dstack base_url; the property's name plays no part.
/// </summary>
public sealed class ServiceModel
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("base_url")]
    public string BaseUrl { get; set; } = "";
}
