namespace Dstack.UrlGen;

/// <summary>Where a model that dstack serves can be called.</summary>
/// <param name="ModelName">The model's name (<c>service.model.name</c>); pass it as the model of a chat request.</param>
/// <param name="Project">The dstack project the model's run belongs to.</param>
/// <param name="RunName">The run's name; null only for an endpoint built from a compile-time <c>BaseUrl</c>.</param>
/// <param name="BaseUrl">The raw <c>service.model.base_url</c> as the server reported it (or as declared).</param>
/// <param name="Url">The resolved URL: <see cref="BaseUrl"/> joined to the server URL, or the gateway URL unchanged.</param>
/// <param name="Kind">Whether <see cref="BaseUrl"/> was a gateway URL or a path on the dstack server.</param>
public sealed record DstackModelEndpoint(
    string ModelName,
    string Project,
    string? RunName,
    [property: DstackBaseUrl] string BaseUrl,
    Uri Url,
    DstackUrlKind Kind)
{
    /// <summary>The OpenAI-compatible chat completions URL of the model: <see cref="Url"/> + <c>/chat/completions</c>.</summary>
    public Uri ChatCompletionsUrl => DstackUrl.ChatCompletions(Url);
}
