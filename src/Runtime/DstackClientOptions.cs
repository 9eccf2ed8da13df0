namespace Dstack.UrlGen;

/// <summary>Options for <see cref="DstackClient"/>.</summary>
public sealed class DstackClientOptions
{
    /// <summary>The defaults: endpoints cached for one minute, a 30 second timeout per request, every URL safety rule.</summary>
    public static DstackClientOptions Default { get; } = new();

    /// <summary>
    /// How long a resolved endpoint is reused before the server is asked again (default one minute).
    /// A service can move to another gateway while it runs, so the cache is short; call
    /// <see cref="DstackClient.Forget(DstackModelEndpoint)"/> when a call through an endpoint fails.
    /// <see cref="TimeSpan.Zero"/> turns caching off (concurrent first calls still share one request);
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> keeps endpoints until they are forgotten.
    /// </summary>
    public TimeSpan EndpointCacheDuration { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long one request to the dstack server may take (default 30 seconds); a request that takes longer
    /// fails with a <see cref="DstackApiException"/> whose <see cref="DstackApiException.StatusCode"/> is 0.
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How a reported <c>base_url</c> is resolved (for example <see cref="DstackUrlOptions.AllowInsecureHttp"/>); null for the defaults.</summary>
    public DstackUrlOptions? UrlOptions { get; init; }

    /// <summary>
    /// Where the application took the server URL from, named by error messages that ask to fix it (for example
    /// <c>--server</c>). Null: <c>DSTACK_SERVER_URL</c> or <c>~/.dstack/config.yml</c>.
    /// <see cref="DstackClient.FromEnvironment(string?)"/> fills in the exact variable or file it used.
    /// </summary>
    public string? ServerUrlSource { get; init; }

    /// <summary>
    /// Where the application took the token from, named by error messages that ask to fix it (for example
    /// <c>--token</c>). Null: <c>DSTACK_TOKEN</c> or <c>~/.dstack/config.yml</c>.
    /// <see cref="DstackClient.FromEnvironment(string?)"/> fills in the exact variable or file it used.
    /// </summary>
    public string? TokenSource { get; init; }

    /// <summary>
    /// Where the application took the client's project from, named by error messages about a missing project (for
    /// example <c>--project</c>). Null: the project argument, <c>DSTACK_PROJECT</c> or <c>[DstackModel(Project = …)]</c>.
    /// </summary>
    public string? ProjectSource { get; init; }

    /// <summary>A copy with the sources that are not set taken from <paramref name="serverUrl"/>, <paramref name="token"/> and <paramref name="project"/>.</summary>
    internal DstackClientOptions WithSources(string serverUrl, string token, string project)
        => new()
        {
            EndpointCacheDuration = EndpointCacheDuration,
            Timeout = Timeout,
            UrlOptions = UrlOptions,
            ServerUrlSource = ServerUrlSource ?? serverUrl,
            TokenSource = TokenSource ?? token,
            ProjectSource = ProjectSource ?? project,
        };

    internal void Validate(string paramName)
    {
        if (EndpointCacheDuration < TimeSpan.Zero && EndpointCacheDuration != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, EndpointCacheDuration,
                "DstackClientOptions.EndpointCacheDuration must be zero or positive, or Timeout.InfiniteTimeSpan.");
        }

        if ((Timeout <= TimeSpan.Zero || Timeout.TotalMilliseconds > int.MaxValue) && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, Timeout,
                "DstackClientOptions.Timeout must be positive and at most 24 days, or Timeout.InfiniteTimeSpan.");
        }
    }
}
