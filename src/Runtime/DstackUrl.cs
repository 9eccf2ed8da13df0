using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Dstack.UrlGen;

/// <summary>
/// Turns a dstack <c>service.model.base_url</c> into the URL a client must call, as dstack's own UI, CLI and
/// Python SDK (<c>make_proxy_url</c>) do: an absolute gateway URL is used as is; a path is joined to the full
/// server URL, keeping the server's path prefix, with exactly one <c>/</c> at the join.
/// </summary>
/// <remarks>
/// A <c>base_url</c> comes over the network and decides where the bearer token goes, so inputs dstack never
/// produces (other schemes, <c>//host</c>, backslashes, control characters, user info, non-ASCII hosts, dot segments,
/// encoded separators, fragments, <c>http://</c> from an <c>https://</c> server, more than 2,048 characters) are refused
/// with a <see cref="DstackUrlException"/>. The rules and why: docs/resolver.md.
/// </remarks>
public static class DstackUrl
{
    private const string ChatCompletionsPath = "/chat/completions";

    /// <summary>
    /// A client resolves many base_urls against one server <see cref="Uri"/>, which is immutable, so each server Uri is
    /// checked once; the table keeps no Uri alive. A Uri made from a string for one call is checked without it.
    /// </summary>
    private static readonly ConditionalWeakTable<Uri, ServerPrefix> CheckedServers = new();

    private static readonly ConditionalWeakTable<Uri, ServerPrefix>.CreateValueCallback CheckServer = CheckServerCore;

    /// <summary>
    /// In front of the table: the last server checked in each of 128 slots (by the Uri's identity hash), found by one
    /// reference compare where the table's look-up costs 11–16 ns per call (docs/benchmarks.md). Holds at most 128
    /// server Uris alive. An entry is immutable and written whole, so a racing reader sees the old one or the new one.
    /// </summary>
    private static readonly ServerPrefix?[] RecentServers = new ServerPrefix?[128];

    /// <summary>Resolves <paramref name="baseUrl"/> against the dstack server URL.</summary>
    /// <param name="serverUrl">The dstack server's absolute http(s) URL, optionally with a path prefix.</param>
    /// <param name="baseUrl">The model's <c>base_url</c> as the server reported it.</param>
    /// <param name="options">Options; null for <see cref="DstackUrlOptions.Default"/>.</param>
    /// <returns>The URL to call: the gateway URL unchanged, or the server URL joined with the path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serverUrl"/> is null.</exception>
    /// <exception cref="DstackUrlException">The server URL or <paramref name="baseUrl"/> is refused; see <see cref="DstackUrlException.Error"/>.</exception>
    /// <example><c>DstackUrl.Resolve(new Uri("https://dstack.example.com/prefix"), "/proxy/models/main")</c> is <c>https://dstack.example.com/prefix/proxy/models/main</c>.</example>
    public static Uri Resolve(Uri serverUrl, string baseUrl, DstackUrlOptions? options = null)
    {
        var error = ResolveCore(serverUrl ?? throw new ArgumentNullException(nameof(serverUrl)), reused: true, baseUrl, options, out var url, out var scan);
        return url ?? throw DstackUrlMessages.Create(error, serverUrl.OriginalString, baseUrl, scan);
    }

    /// <summary>Resolves <paramref name="baseUrl"/> against the dstack server URL given as a string.</summary>
    /// <param name="serverUrl">The dstack server's absolute http(s) URL, for example <c>https://dstack.example.com</c>.</param>
    /// <param name="baseUrl">The model's <c>base_url</c> as the server reported it.</param>
    /// <param name="options">Options; null for <see cref="DstackUrlOptions.Default"/>.</param>
    /// <returns>The URL to call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serverUrl"/> is null.</exception>
    /// <exception cref="DstackUrlException">The server URL or <paramref name="baseUrl"/> is refused.</exception>
    public static Uri Resolve(string serverUrl, string baseUrl, DstackUrlOptions? options = null)
    {
        BaseUrlScanner.Result scan = default;
        Uri? url = null;
        var error = ParseServer(serverUrl, out var server) ? ResolveCore(server, reused: false, baseUrl, options, out url, out scan) : DstackUrlError.InvalidServerUrl;
        return url ?? throw DstackUrlMessages.Create(error, serverUrl, baseUrl, scan);
    }

    /// <summary>Resolves <paramref name="baseUrl"/> without throwing for a bad server URL or <c>base_url</c>.</summary>
    /// <param name="serverUrl">The dstack server's absolute http(s) URL.</param>
    /// <param name="baseUrl">The model's <c>base_url</c> as the server reported it.</param>
    /// <param name="url">The URL to call, or null when refused.</param>
    /// <param name="error">Why the input was refused, or <see cref="DstackUrlError.None"/>.</param>
    /// <param name="options">Options; null for <see cref="DstackUrlOptions.Default"/>.</param>
    /// <returns>True when <paramref name="url"/> was resolved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serverUrl"/> is null.</exception>
    public static bool TryResolve(Uri serverUrl, string? baseUrl, [NotNullWhen(true)] out Uri? url, out DstackUrlError error, DstackUrlOptions? options = null)
    {
        error = ResolveCore(serverUrl ?? throw new ArgumentNullException(nameof(serverUrl)), reused: true, baseUrl, options, out url, out _);
        return url is not null;
    }

    /// <summary>Resolves <paramref name="baseUrl"/> against a server URL given as a string, without throwing for bad input.</summary>
    /// <param name="serverUrl">The dstack server's absolute http(s) URL.</param>
    /// <param name="baseUrl">The model's <c>base_url</c> as the server reported it.</param>
    /// <param name="url">The URL to call, or null when refused.</param>
    /// <param name="error">Why the input was refused, or <see cref="DstackUrlError.None"/>.</param>
    /// <param name="options">Options; null for <see cref="DstackUrlOptions.Default"/>.</param>
    /// <returns>True when <paramref name="url"/> was resolved.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="serverUrl"/> is null.</exception>
    public static bool TryResolve(string serverUrl, string? baseUrl, [NotNullWhen(true)] out Uri? url, out DstackUrlError error, DstackUrlOptions? options = null)
    {
        url = null;
        error = ParseServer(serverUrl, out var server) ? ResolveCore(server, reused: false, baseUrl, options, out url, out _) : DstackUrlError.InvalidServerUrl;
        return url is not null;
    }

    /// <summary>
    /// The OpenAI-compatible chat completions URL of a model: one trailing <c>/</c> removed from the path, then
    /// <c>/chat/completions</c> appended, keeping the query (<c>…/v1?api-version=x</c> becomes
    /// <c>…/v1/chat/completions?api-version=x</c>), as the dstack UI's curl snippet and the OpenAI SDK do.
    /// </summary>
    /// <param name="modelUrl">A model URL, usually from <see cref="Resolve(Uri, string, DstackUrlOptions?)"/>.</param>
    /// <returns>The chat completions URL.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="modelUrl"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="modelUrl"/> is not an absolute http(s) URL, or it has a fragment.</exception>
    public static Uri ChatCompletions(Uri modelUrl)
    {
        if (modelUrl is null)
        {
            throw new ArgumentNullException(nameof(modelUrl));
        }

        if (!modelUrl.IsAbsoluteUri || !IsHttpScheme(modelUrl.Scheme))
        {
            throw new ArgumentException($"The model URL {DstackUrlMessages.Quote(modelUrl.OriginalString)} is not an absolute http(s) URL. Pass the result of DstackUrl.Resolve.", nameof(modelUrl));
        }

        string absolute = modelUrl.AbsoluteUri;
        if (absolute.IndexOf('#') >= 0)
        {
            throw new ArgumentException($"The model URL {DstackUrlMessages.Quote(modelUrl.OriginalString)} has a fragment. Pass the result of DstackUrl.Resolve.", nameof(modelUrl));
        }

        int query = absolute.IndexOf('?');
        int pathEnd = query < 0 ? absolute.Length : query;
        int keep = pathEnd > 0 && absolute[pathEnd - 1] == '/' ? pathEnd - 1 : pathEnd;
        return new Uri(query < 0
            ? string.Concat(absolute.Substring(0, keep), ChatCompletionsPath)
            : string.Concat(absolute.Substring(0, keep), ChatCompletionsPath, absolute.Substring(query)));
    }

    /// <summary>Tells whether a <c>base_url</c> is a gateway URL (absolute) or a path on the dstack server (relative).</summary>
    /// <param name="baseUrl">The model's <c>base_url</c> as the server reported it.</param>
    /// <returns><see cref="DstackUrlKind.Gateway"/> for an absolute http(s) URL, <see cref="DstackUrlKind.Server"/> for a path.</returns>
    /// <exception cref="DstackUrlException"><paramref name="baseUrl"/> is neither (see <see cref="DstackUrlException.Error"/>).</exception>
    public static DstackUrlKind Classify(string baseUrl)
    {
        var scan = BaseUrlScanner.Scan(baseUrl, serverIsHttps: false, allowInsecureHttp: true);
        if (scan.Error == DstackUrlError.None && scan.Kind == DstackUrlKind.Gateway)
        {
            // Judged as Resolve judges it, so that Classify never accepts what Resolve refuses.
            CreateGatewayUrl(baseUrl, ref scan, out _);
        }

        return scan.Error == DstackUrlError.None ? scan.Kind : throw DstackUrlMessages.Create(scan.Error, null, baseUrl, scan);
    }

    /// <summary>A server URL string longer than the limit is refused before <see cref="Uri"/> parses it.</summary>
    private static bool ParseServer(string serverUrl, [NotNullWhen(true)] out Uri? server)
    {
        server = null;
        return (serverUrl ?? throw new ArgumentNullException(nameof(serverUrl))).Length <= BaseUrlScanner.MaxLength
            && Uri.TryCreate(serverUrl, UriKind.Absolute, out server);
    }

    private static DstackUrlError ResolveCore(Uri serverUrl, bool reused, string? baseUrl, DstackUrlOptions? options, out Uri? url, out BaseUrlScanner.Result scan)
    {
        url = null;
        scan = default;
        var server = reused ? Recent(serverUrl) : CheckServerCore(serverUrl);
        if (server.AbsoluteUri is null)
        {
            return DstackUrlError.InvalidServerUrl;
        }

        scan = BaseUrlScanner.Scan(baseUrl, server.IsHttps, (options ?? DstackUrlOptions.Default).AllowInsecureHttp);
        if (scan.Error != DstackUrlError.None || scan.Kind == DstackUrlKind.Gateway)
        {
            return scan.Error != DstackUrlError.None ? scan.Error : CreateGatewayUrl(baseUrl!, ref scan, out url);
        }

        // The scanner refused "//", so at most one leading '/' is dropped before the join adds exactly one.
        int relativeStart = baseUrl![scan.Start] == '/' ? scan.Start + 1 : scan.Start;
        url = new Uri(Join(server.AbsoluteUri, server.PrefixLength, baseUrl, relativeStart, scan.End), UriKind.Absolute);
        return DstackUrlError.None;
    }

    /// <summary>Parses a gateway URL the scan accepted; <see cref="Uri"/> still judges what the scan leaves to it (an IPv6 literal's form).</summary>
    private static DstackUrlError CreateGatewayUrl(string input, ref BaseUrlScanner.Result scan, out Uri? url)
    {
        string absolute = scan.Start == 0 && scan.End == input.Length ? input : input.Substring(scan.Start, scan.End - scan.Start);
        if (!Uri.TryCreate(absolute, UriKind.Absolute, out url))
        {
            scan = scan.WithError(DstackUrlError.InvalidHost);
        }

        return scan.Error;
    }

    private static ServerPrefix Recent(Uri serverUrl)
    {
        ref var slot = ref RecentServers[RuntimeHelpers.GetHashCode(serverUrl) & (RecentServers.Length - 1)];
        var server = slot;
        return server is not null && ReferenceEquals(server.Server, serverUrl) ? server : slot = CheckedServers.GetValue(serverUrl, CheckServer);
    }

    /// <summary>
    /// Checks a server URL and finds its prefix (<see cref="Uri.AbsoluteUri"/> without trailing slashes); a refused one
    /// has no AbsoluteUri.
    /// A long one is refused before <see cref="Uri"/> builds its AbsoluteUri (tens of milliseconds for a megabyte).
    /// </summary>
    private static ServerPrefix CheckServerCore(Uri serverUrl)
    {
        string absolute = serverUrl.IsAbsoluteUri && serverUrl.OriginalString.Length <= BaseUrlScanner.MaxLength ? serverUrl.AbsoluteUri : string.Empty;
        bool valid = BaseUrlScanner.IsValidServer(absolute, out int prefixLength, out bool isHttps);
        return new ServerPrefix(serverUrl, valid ? absolute : null, prefixLength, isHttps);
    }

    private static string Join(string server, int serverLength, string input, int start, int end)
    {
#if NET
        return string.Concat(server.AsSpan(0, serverLength), "/", input.AsSpan(start, end - start));
#else
        return string.Concat(server.Substring(0, serverLength), "/", input.Substring(start, end - start));
#endif
    }

    private static bool IsHttpScheme(string scheme)
        => string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase);

    private sealed class ServerPrefix(Uri server, string? absoluteUri, int prefixLength, bool isHttps)
    {
        public Uri Server { get; } = server;

        /// <summary>The server's AbsoluteUri, or null when the server URL is refused.</summary>
        public string? AbsoluteUri { get; } = absoluteUri;

        public int PrefixLength { get; } = prefixLength;

        public bool IsHttps { get; } = isHttps;
    }
}
