using System.Net;
using System.Text.Json;

namespace Dstack.UrlGen.Tests;

/// <summary>The web-platform-tests URL corpus (<c>wpt/urltestdata.json</c>): what a WHATWG parser (a browser) makes of each input.</summary>
internal static class WptCorpus
{
    public sealed record Case(string Input, string? Base, bool Failure, string? Href, string? Origin)
    {
        public bool HasHttpBase => Base is not null
            && (Base.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || Base.StartsWith("https:", StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"input {PropertyRunner.Show(Input)} base {PropertyRunner.Show(Base)} -> {(Failure ? "failure" : Href)}";
    }

    /// <summary>Every test object of the corpus (its plain strings are comments).</summary>
    public static IReadOnlyList<Case> Cases()
    {
        using var doc = JsonDocument.Parse(Fixtures.Read("wpt/urltestdata.json"));
        return doc.RootElement.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.Object)
            .Select(e => new Case(
                e.GetProperty("input").GetString()!,
                e.TryGetProperty("base", out var b) ? b.GetString() : null,
                e.TryGetProperty("failure", out var f) && f.GetBoolean(),
                e.TryGetProperty("href", out var h) ? h.GetString() : null,
                e.TryGetProperty("origin", out var o) ? o.GetString() : null))
            .ToList();
    }

    /// <summary>
    /// Whether a WHATWG result (not a failure) has the same origin as <paramref name="url"/>: scheme, port, and host,
    /// IPv6 hosts compared as addresses because WHATWG and .NET write embedded IPv4 differently.
    /// </summary>
    public static bool SameOrigin(Case c, Uri url)
    {
        if (c.Failure || c.Href is null)
        {
            return false;
        }

        // Some cases carry no "origin"; for http(s) it is the href's scheme, host and port.
        var (scheme, host, port) = SplitOrigin(c.Origin ?? OriginFromHref(c.Href));
        int defaultPort = scheme == "https" ? 443 : 80;
        if (scheme != url.Scheme || (port ?? defaultPort) != url.Port)
        {
            return false;
        }

        return host.StartsWith('[')
            ? url.HostNameType == UriHostNameType.IPv6 && IPAddress.Parse(host.Trim('[', ']')).Equals(IPAddress.Parse(url.Host.Trim('[', ']')))
            : host == url.IdnHost;
    }

    public static string Describe(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}";

    private static string OriginFromHref(string href)
    {
        int authority = href.IndexOf("://", StringComparison.Ordinal) + 3;
        int pathStart = href.IndexOfAny(['/', '?', '#'], authority);
        string hostAndPort = href[authority..(pathStart < 0 ? href.Length : pathStart)];
        return href[..authority] + hostAndPort[(hostAndPort.LastIndexOf('@') + 1)..];
    }

    private static (string Scheme, string Host, int? Port) SplitOrigin(string origin)
    {
        int authority = origin.IndexOf("://", StringComparison.Ordinal);
        string scheme = origin[..authority];
        string hostAndPort = origin[(authority + 3)..];
        int portColon = hostAndPort.LastIndexOf(':');
        return portColon > hostAndPort.LastIndexOf(']')
            ? (scheme, hostAndPort[..portColon], int.Parse(hostAndPort[(portColon + 1)..], System.Globalization.CultureInfo.InvariantCulture))
            : (scheme, hostAndPort, null);
    }
}
