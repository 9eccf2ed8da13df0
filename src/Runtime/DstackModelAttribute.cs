namespace Dstack.UrlGen;

/// <summary>
/// Declares a model that dstack serves. The Dstack.UrlGen source generator adds to the <c>partial</c> class
/// strongly typed accessors for the model's endpoint (<c>ModelName</c>, <c>Info</c>, <c>GetEndpointAsync</c>, …).
/// </summary>
/// <example>
/// <code>
/// [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
/// public static partial class Qwen { }
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class DstackModelAttribute : Attribute
{
    /// <summary>Declares the model named <paramref name="modelName"/> (dstack's <c>service.model.name</c>).</summary>
    /// <param name="modelName">The model's name as the dstack server reports it, for example <c>Qwen/Qwen3.6-27B</c>.</param>
    public DstackModelAttribute(string modelName) => ModelName = modelName;

    /// <summary>The model's name as the dstack server reports it (<c>service.model.name</c>).</summary>
    public string ModelName { get; }

    /// <summary>The dstack project; when null, the <see cref="DstackClient"/>'s project.</summary>
    public string? Project { get; set; }

    /// <summary>The run name of the service; when set, one <c>runs/get</c> call finds the model.</summary>
    public string? Run { get; set; }

    /// <summary>A <c>base_url</c> known at compile time; the compiler checks it and no server call is needed to find the endpoint.</summary>
    public string? BaseUrl { get; set; }
}
