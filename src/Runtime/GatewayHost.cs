using System.Globalization;

namespace Dstack.UrlGen;

/// <summary>
/// Judges the host of a parsed gateway URL by <see cref="Uri.IdnHost"/>, the name <c>HttpClient</c> connects to and
/// sends: an IP address, or a plain ASCII DNS name whose punycode labels are valid. The scanner checks the raw text;
/// this catches what IDN mapping does after it (a full-width dot or an ideographic space turned into ASCII, a bad
/// <c>xn--</c> label, a name that maps to a number), so that no parser reads another host than the one checked.
/// </summary>
internal static class GatewayHost
{
    private static readonly IdnMapping Idn = new();

    public static bool IsPlain(Uri url)
    {
        switch (url.HostNameType)
        {
            case UriHostNameType.IPv4:
            case UriHostNameType.IPv6:
                return true;
            case UriHostNameType.Dns:
                return TryGetIdnHost(url, out string host)
                    && host.Length > 0
                    && IsAsciiName(host)
                    && !BaseUrlScanner.EndsInNumber(host, 0, host.Length)
                    && HasValidPunycode(host);
            default:
                return false;
        }
    }

    private static bool TryGetIdnHost(Uri url, out string host)
    {
        try
        {
            host = url.IdnHost;
            return true;
        }
        catch (UriFormatException)
        {
            // Uri parses some hosts (U+FEFF, U+2028 …) that IDN then refuses; HttpClient would throw the same later.
            host = string.Empty;
            return false;
        }
    }

    private static bool IsAsciiName(string host)
    {
        foreach (char c in host)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An <c>xn--</c> label must decode to a valid name that encodes back to itself (WHATWG fails it otherwise).</summary>
    private static bool HasValidPunycode(string host)
    {
        if (host.IndexOf("xn--", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return true;
        }

        try
        {
            return string.Equals(Idn.GetAscii(Idn.GetUnicode(host)), host, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
