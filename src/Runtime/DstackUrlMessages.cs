using System.Text;

namespace Dstack.UrlGen;

/// <summary>
/// Builds the <see cref="DstackUrlException"/> for each <see cref="DstackUrlError"/>: the message quotes the
/// input (control characters escaped, user info masked, very long input shortened) and says what to do.
/// </summary>
internal static class DstackUrlMessages
{
    private const int MaxQuoted = 200;
    private const string Example = "\"/proxy/services/main/qwen36/v1\" or \"https://qwen36.example.com/v1\"";

    public static DstackUrlException Create(DstackUrlError error, string? serverUrl, string? baseUrl, BaseUrlScanner.Result scan)
        => new(error, baseUrl, Message(error, serverUrl, baseUrl, scan));

    private static string Message(DstackUrlError error, string? serverUrl, string? baseUrl, BaseUrlScanner.Result scan)
    {
        string b = Quote(baseUrl);
        string detail = baseUrl is not null && scan.DetailLength > 0 && scan.DetailStart + scan.DetailLength <= baseUrl.Length
            ? baseUrl.Substring(scan.DetailStart, scan.DetailLength)
            : string.Empty;
        switch (error)
        {
            case DstackUrlError.Empty:
                return baseUrl is null
                    ? $"The dstack base_url is null. Pass the service.model.base_url the dstack server reported for the model, such as {Example}."
                    : $"The dstack base_url {b} is empty or only white space. Pass the service.model.base_url the dstack server reported for the model, such as {Example}.";
            case DstackUrlError.InvalidServerUrl:
                return $"The dstack server URL {Quote(serverUrl)} is not an absolute http(s) URL without query, fragment and user info. "
                    + "Pass the server's URL as the dstack CLI has it (DSTACK_SERVER_URL or 'url' in ~/.dstack/config.yml), such as \"https://dstack.example.com\" or \"http://127.0.0.1:3000\".";
            case DstackUrlError.UnsupportedScheme:
                return UnsupportedScheme(baseUrl!, b, scan);
            case DstackUrlError.NetworkPath:
                return $"The dstack base_url {b} starts with \"//\", which names another host while keeping the bearer token. "
                    + "Use a path with one leading \"/\" for the dstack server, or a full \"https://host/...\" URL for a gateway.";
            case DstackUrlError.Backslash:
                return $"The dstack base_url {b} contains a backslash at position {scan.DetailStart}; browsers and some parsers read it as \"/\" and so as another host or path. "
                    + "Use \"/\" to separate path segments.";
            case DstackUrlError.ControlCharacter:
                return $"The dstack base_url {b} contains the control character U+{(int)baseUrl![scan.DetailStart]:X4} at position {scan.DetailStart}. "
                    + "Remove it; only leading and trailing spaces, tabs and line breaks are trimmed.";
            case DstackUrlError.UserInfo:
                return $"The dstack base_url {b} carries user info before \"@\", so the host it names is the part after \"@\". "
                    + "Remove the user info; the dstack token is sent as a bearer token, never in the URL.";
            case DstackUrlError.InvalidHost:
                return $"The dstack base_url {b} has no valid host or port ({Quote(detail)}). Use a full gateway URL such as \"https://qwen36.example.com/v1\".";
            case DstackUrlError.InsecureHttp:
                return $"The dstack base_url {b} is plain http while the dstack server {Quote(serverUrl)} is https, so the bearer token would travel unencrypted. "
                    + "Use the gateway's https URL, or set DstackUrlOptions.AllowInsecureHttp = true if plain http is intended.";
            case DstackUrlError.Fragment:
                return $"The dstack base_url {b} has a fragment ({Quote(detail)}), which no HTTP request sends. Remove everything from \"#\" on.";
            case DstackUrlError.DotSegment:
                return $"The dstack base_url {b} has the dot segment {Quote(detail)} in its path, which moves the URL out of the model's path. "
                    + "Use the base_url exactly as the dstack server reports it, without \".\" or \"..\" segments.";
            case DstackUrlError.EmptySegment:
                return $"The dstack base_url {b} has an empty path segment (\"//\") at position {scan.DetailStart}. Remove the doubled \"/\".";
            default:
                return $"The dstack base_url {b} was refused ({error}).";
        }
    }

    private static string UnsupportedScheme(string baseUrl, string quoted, BaseUrlScanner.Result scan)
    {
        string input = baseUrl.Substring(scan.Start, scan.End - scan.Start);
        string scheme = baseUrl.Substring(scan.DetailStart, scan.DetailLength);
        int colon = scan.DetailStart + scan.DetailLength;
        if (LooksLikeHostAndPort(baseUrl, colon + 1, scan.End))
        {
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

    /// <summary>After the colon: 1–5 digits, then the end, '/' or '?'.</summary>
    private static bool LooksLikeHostAndPort(string s, int start, int end)
    {
        int i = start;
        while (i < end && i - start < 6 && s[i] >= '0' && s[i] <= '9')
        {
            i++;
        }

        return i > start && i - start <= 5 && (i == end || s[i] == '/' || s[i] == '?');
    }

    /// <summary>The input in quotes, control characters escaped, user info masked and long input shortened.</summary>
    internal static string Quote(string? value)
    {
        if (value is null)
        {
            return "(null)";
        }

        var sb = new StringBuilder(Math.Min(value.Length, MaxQuoted) + 16).Append('"');
        int userInfoEnd = UserInfoEnd(value, out int userInfoStart);
        int limit = Math.Min(value.Length, MaxQuoted);
        for (int i = 0; i < limit; i++)
        {
            if (i == userInfoStart && userInfoEnd > userInfoStart)
            {
                // Never repeat a password: the whole user info is masked.
                sb.Append("***");
                i = userInfoEnd - 1;
                continue;
            }

            char c = value[i];
            if (BaseUrlScanner.IsControl(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (c == '"')
            {
                sb.Append("\\\"");
            }
            else
            {
                sb.Append(c);
            }
        }

        if (value.Length > MaxQuoted)
        {
            sb.Append("...\" (").Append(value.Length).Append(" characters)");
            return sb.ToString();
        }

        return sb.Append('"').ToString();
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "...";

    /// <summary>
    /// The range of the user info (from <paramref name="start"/> up to the returned index of its last '@') of whatever
    /// some URL parser reads as an authority: the part after a scheme, or after two or more slashes or backslashes at
    /// the start (WHATWG reads <c>https:/\u:p@h</c>, <c>https:u:p@h</c> and <c>//u:p@h</c> all with a password).
    /// Returns -1 when there is none.
    /// </summary>
    private static int UserInfoEnd(string value, out int start)
    {
        start = -1;
        int i = 0;
        while (i < value.Length && value[i] <= ' ')
        {
            i++;
        }

        int afterScheme = SchemeEnd(value, i);
        int slashes = afterScheme >= 0 ? afterScheme : i;
        int authorityStart = slashes;
        while (authorityStart < value.Length && (value[authorityStart] == '/' || value[authorityStart] == '\\'))
        {
            authorityStart++;
        }

        if (afterScheme < 0 && authorityStart - slashes < 2)
        {
            return -1;
        }

        int authorityEnd = value.IndexOfAny(AuthorityEnds, authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = value.Length;
        }

        int at = authorityEnd > authorityStart ? value.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
        if (at < 0)
        {
            return -1;
        }

        start = authorityStart;
        return at;
    }

    /// <summary>The index after the ':' of a scheme (<c>^[A-Za-z][A-Za-z0-9+.-]*:</c>) that starts at <paramref name="i"/>, or -1.</summary>
    private static int SchemeEnd(string value, int i)
    {
        if (i >= value.Length || !IsAsciiLetter(value[i]))
        {
            return -1;
        }

        for (int j = i + 1; j < value.Length; j++)
        {
            char c = value[j];
            if (c == ':')
            {
                return j + 1;
            }

            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static readonly char[] AuthorityEnds = { '/', '?', '#', '\\' };
}
