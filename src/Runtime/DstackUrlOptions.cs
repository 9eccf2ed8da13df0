namespace Dstack.UrlGen;

/// <summary>Options for <see cref="DstackUrl.Resolve(Uri, string, DstackUrlOptions?)"/>.</summary>
public sealed class DstackUrlOptions
{
    /// <summary>The defaults: every safety rule applies.</summary>
    public static DstackUrlOptions Default { get; } = new();

    /// <summary>
    /// Accept an absolute <c>http://</c> <c>base_url</c> although the server URL is <c>https://</c>.
    /// Off by default: the bearer token would then travel unencrypted to the gateway.
    /// </summary>
    public bool AllowInsecureHttp { get; init; }
}
