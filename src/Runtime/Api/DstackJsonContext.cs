using System.Text.Json.Serialization;

namespace Dstack.UrlGen.Api;

/// <summary>Source-generated serialization for the dstack REST API: no reflection, trimming and AOT safe.</summary>
[JsonSourceGenerationOptions(
    GenerationMode = JsonSourceGenerationMode.Metadata,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(List<RunDto>), TypeInfoPropertyName = "ListRunDto")]
[JsonSerializable(typeof(RunDto))]
[JsonSerializable(typeof(ListRunsRequest))]
[JsonSerializable(typeof(GetRunRequest))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(ProjectDto))]
internal sealed partial class DstackJsonContext : JsonSerializerContext
{
}
