using System.Globalization;
using System.Text;

namespace Dstack.UrlGen;

/// <summary>
/// Builds the <see cref="DstackUrlException"/> for each <see cref="DstackUrlError"/> from the scan's parts: the message
/// quotes the input (control characters escaped, user info masked, very long input shortened) and says what to do.
/// </summary>
internal static class DstackUrlMessages
{
    private const int MaxQuoted = 200;
    private const string Example = "\"/proxy/services/main/qwen36/v1\" or \"https://qwen36.example.com/v1\"";
    private const string AsciiHost = "A host must be ASCII: write an internationalized domain name in its punycode form (\"xn--...\"), "
        + "as DNS holds it, because clients convert Unicode names to different DNS names.";

    public static DstackUrlException Create(DstackUrlError error, string? serverUrl, string? baseUrl, BaseUrlScanner.Result scan)
        => new(error, baseUrl, Message(error, serverUrl, baseUrl, scan));

    private static string Message(DstackUrlError error, string? serverUrl, string? baseUrl, BaseUrlScanner.Result scan)
    {
        string b = Quote(baseUrl);
        string detail = baseUrl is not null && scan.DetailStart + scan.DetailLength <= baseUrl.Length
            ? baseUrl.Substring(scan.DetailStart, scan.DetailLength)
            : string.Empty;
        switch (error)
        {
            case DstackUrlError.Empty:
                return baseUrl is null
                    ? $"The dstack base_url is null. Pass the service.model.base_url the dstack server reported for the model, such as {Example}."
                    : $"The dstack base_url {b} is empty or only white space. Pass the service.model.base_url the dstack server reported for the model, such as {Example}.";
            case DstackUrlError.InvalidServerUrl:
                return $"The dstack server URL {Quote(serverUrl)} is not an absolute http(s) URL of at most {BaseUrlScanner.MaxLength} characters "
                    + "with an ASCII host (a DNS name or an IP address) and without query, fragment and user info. "
                    + "Pass the server's URL as the dstack CLI has it (DSTACK_SERVER_URL or 'url' in ~/.dstack/config.yml), such as \"https://dstack.example.com\" or \"http://127.0.0.1:3000\". "
                    + AsciiHost;
            case DstackUrlError.TooLong:
                return scan.DetailStart == scan.Start && scan.DetailLength == scan.End - scan.Start
                    ? $"The dstack base_url {b} is {scan.DetailLength} characters long; a base_url has at most {BaseUrlScanner.MaxLength}. Use the base_url the dstack server reports for the model."
                    : $"The dstack base_url {b} has a host of {detail.TrimEnd('.').Length} characters ({Quote(detail)}); a DNS name has at most {BaseUrlScanner.MaxHostLength}. Use the gateway's real host name.";
            case DstackUrlError.UnsupportedScheme:
                return UnsupportedScheme(baseUrl!, b, scan, detail);
            case DstackUrlError.NetworkPath:
                return $"The dstack base_url {b} starts with \"//\", which names another host while keeping the bearer token. "
                    + "Use a path with one leading \"/\" for the dstack server, or a full \"https://host/...\" URL for a gateway.";
            case DstackUrlError.Backslash:
                return $"The dstack base_url {b} contains a backslash at position {scan.DetailStart}; browsers and some parsers read it as \"/\" and so as another host or path. "
                    + "Use \"/\" to separate path segments.";
            case DstackUrlError.ControlCharacter:
                return $"The dstack base_url {b} contains the control character U+{(int)detail[0]:X4} at position {scan.DetailStart}. "
                    + "Remove it; only leading and trailing spaces, tabs and line breaks are trimmed.";
            case DstackUrlError.UserInfo:
                return $"The dstack base_url {b} carries user info before \"@\", so the host it names is the part after \"@\". "
                    + "Remove the user info; the dstack token is sent as a bearer token, never in the URL.";
            case DstackUrlError.InvalidHost:
                return $"The dstack base_url {b} has no valid host or port ({Quote(detail)}). Use a full gateway URL such as \"https://qwen36.example.com/v1\"."
                    + (detail.Any(c => c > '\u007E') ? " " + AsciiHost : string.Empty);
            case DstackUrlError.InsecureHttp:
                return $"The dstack base_url {b} is plain http while the dstack server {Quote(serverUrl)} is https, so the bearer token would travel unencrypted. "
                    + "Use the gateway's https URL, or set DstackUrlOptions.AllowInsecureHttp = true if plain http is intended.";
            case DstackUrlError.Fragment:
                return $"The dstack base_url {b} has a fragment ({Quote(detail)}), which no HTTP request sends. Remove everything from \"#\" on.";
            case DstackUrlError.DotSegment:
                return $"The dstack base_url {b} has the dot segment {Quote(detail)} in its path, which moves the URL out of the model's path "
                    + "(servers that drop \";...\" parameters read \"..;\" as \"..\"). Use the base_url exactly as the dstack server reports it, without \".\" or \"..\" segments.";
            case DstackUrlError.EncodedSeparator:
                return $"The dstack base_url {b} has the encoded separator {Quote(detail)} at position {scan.DetailStart} in its path; a proxy that decodes %2F, %5C or %25 "
                    + "before routing reads a \"/\", \"\\\" or a new escape there, which can move the URL out of the model's path. Use the base_url exactly as the dstack server reports it.";
            default:
                return $"The dstack base_url {b} has an empty path segment (\"//\") at position {scan.DetailStart}. Remove the doubled \"/\".";
        }
    }

    private static string UnsupportedScheme(string baseUrl, string quoted, BaseUrlScanner.Result scan, string scheme)
    {
        int colon = scan.DetailStart + scan.DetailLength;
        int digits = colon + 1;
        while (digits < scan.End && digits - colon <= 6 && baseUrl[digits] >= '0' && baseUrl[digits] <= '9')
        {
            digits++;
        }

        // A host and port: after the colon 1–5 digits, then the end, '/' or '?'.
        if (digits - colon is > 1 and <= 6 && (digits == scan.End || baseUrl[digits] == '/' || baseUrl[digits] == '?'))
        {
            string input = baseUrl.Substring(scan.Start, scan.End - scan.Start);
            return $"The dstack base_url {quoted} has no scheme: \"{Shorten(scheme)}:\" reads as one. It looks like a host and port; "
                + $"did you mean {Quote("http://" + input)}? Use a full http(s) URL or a path on the dstack server such as \"/proxy/services/main/qwen36/v1\".";
        }

        if (string.Equals(scheme, "http", StringComparison.OrdinalIgnoreCase) || string.Equals(scheme, "https", StringComparison.OrdinalIgnoreCase))
        {
            return $"The dstack base_url {quoted} has no \"//\" after \"{scheme}:\". Write a gateway URL as \"{scheme.ToLowerInvariant()}://host/path\" or a path on the dstack server as \"/path\".";
        }

        return $"The dstack base_url {quoted} uses the scheme \"{Shorten(scheme)}\"; only http and https are allowed. "
            + $"Use a full http(s) URL or a path on the dstack server, such as {Example}.";
    }

    /// <summary>
    /// The input in quotes, control characters escaped, long input shortened, and user info masked wherever some parser
    /// reads an authority (<see cref="BaseUrlScanner.FindAuthority"/>: also <c>https:/\u:p@h</c>, <c>https:u:p@h</c>,
    /// <c>//u:p@h</c>), so that a message never repeats a password.
    /// </summary>
    internal static string Quote(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        int start = 0;
        while (start < value.Length && value[start] <= ' ')
        {
            start++;
        }

        BaseUrlScanner.FindAuthority(value, start, value.Length, out int authorityStart, out int authorityEnd);
        int at = authorityEnd > authorityStart ? value.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
        var sb = new StringBuilder(Math.Min(value.Length, MaxQuoted) + 16).Append('"');
        for (int i = 0; i < Math.Min(value.Length, MaxQuoted); i++)
        {
            char c = value[i];
            if (i == authorityStart && at > authorityStart)
            {
                sb.Append("***");
                i = at - 1;
            }
            else if (BaseUrlScanner.IsControl(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c == '"' ? "\\\"" : c.ToString());
            }
        }

        return value.Length > MaxQuoted
            ? sb.Append("...\" (").Append(value.Length).Append(" characters)").ToString()
            : sb.Append('"').ToString();
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "...";
}
