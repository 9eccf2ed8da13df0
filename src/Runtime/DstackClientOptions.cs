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
