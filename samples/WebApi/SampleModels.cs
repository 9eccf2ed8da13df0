using Dstack.UrlGen;

namespace WebApi;

/// <summary>
/// The models the sample serves: the declared ones (<see cref="DstackModelCatalog.Models"/>: the dstack
/// configuration's and the attribute's), or, when the configuration has a <c>Models</c> list, those instead, so the
/// sample can run against any server: <c>--Models:0:ModelName=Qwen/Qwen3-0.6B --Models:0:Run=qwen3</c>
/// (<c>Project</c> is optional).
/// </summary>
internal static class SampleModels
{
    /// <summary>The models the <c>Models</c> settings name, or null when there are none (the declared ones are served).</summary>
    public static IReadOnlyList<DstackModelInfo>? Configured(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Models").GetChildren().ToList();
        if (configured.Count == 0)
        {
            return null;
        }

        return configured.Select(entry => new DstackModelInfo(
            entry["ModelName"] ?? throw new InvalidOperationException($"{entry.Path}:ModelName is not set; give the model's name (service.model.name)."),
            entry["Project"],
            entry["Run"],
            null,
            entry.Path)).ToList();
    }
}
