namespace Dstack.UrlGen;

/// <summary>
/// Checks a raw <c>base_url</c> in one pass over its characters and finds the parts the resolver needs.
/// It knows nothing of the server except whether the server is https (for <see cref="DstackUrlError.InsecureHttp"/>),
/// so that <see cref="DstackUrl.Classify"/> can use it alone.
/// </summary>
internal static class BaseUrlScanner
{
    private static readonly char[] AuthorityEnds = { '/', '?' };

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> Special =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(IsSpecial).ToArray());

    private static readonly System.Buffers.SearchValues<char> AsciiHostChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._");
#endif

    /// <summary>The outcome of <see cref="Scan"/>: an error with the offending range, or the trimmed input's parts.</summary>
    internal readonly struct Result
    {
        public Result(DstackUrlError error, int start, int end, DstackUrlKind kind, int detailStart = 0, int detailLength = 0, bool hostNeedsIdn = false)
        {
            Error = error;
            Start = start;
            End = end;
            Kind = kind;
            DetailStart = detailStart;
            DetailLength = detailLength;
            HostNeedsIdn = hostNeedsIdn;
        }

        public DstackUrlError Error { get; }

        /// <summary>Start of the input after leading ASCII white space is trimmed.</summary>
        public int Start { get; }

        /// <summary>End (exclusive) of the input after trailing ASCII white space is trimmed.</summary>
        public int End { get; }

        public DstackUrlKind Kind { get; }

        /// <summary>The part of the input the error is about (the scheme, the bad segment, the control character, …).</summary>
        public int DetailStart { get; }

        public int DetailLength { get; }

        /// <summary>
        /// For an accepted gateway URL: its host holds non-ASCII or an <c>xn--</c> label, so the name a request goes to
        /// comes out of IDN mapping and must be checked after parsing. A plain ASCII host is exactly what the scan checked.
        /// </summary>
        public bool HostNeedsIdn { get; }
    }

    public static Result Scan(string? input, bool serverIsHttps, bool allowInsecureHttp)
    {
        if (input is null)
        {
            return new Result(DstackUrlError.Empty, 0, 0, default);
        }

        int start = 0, end = input.Length;
        while (start < end && IsTrimmable(input[start]))
        {
            start++;
        }

        while (end > start && IsTrimmable(input[end - 1]))
        {
            end--;
        }

        if (start == end || string.IsNullOrWhiteSpace(input))
        {
            return new Result(DstackUrlError.Empty, start, end, default);
        }

        // The one pass over every character: the checks that hold anywhere in the input, and the delimiters.
        int control = -1, backslash = -1, query = -1, fragment = -1;
        for (int i = IndexOfSpecial(input, start, end); i >= 0; i = IndexOfSpecial(input, i + 1, end))
        {
            char c = input[i];
            if (IsControl(c))
            {
                if (control < 0)
                {
                    control = i;
                }
            }
            else if (c == '\\')
            {
                if (backslash < 0)
                {
                    backslash = i;
                }
            }
            else if (c == '#')
            {
                if (fragment < 0)
                {
                    fragment = i;
                }
            }
            else if (c == '?' && query < 0 && fragment < 0)
            {
                query = i;
            }
        }

        if (control >= 0)
        {
            return new Result(DstackUrlError.ControlCharacter, start, end, default, control, 1);
        }

        if (backslash >= 0)
        {
            return new Result(DstackUrlError.Backslash, start, end, default, backslash, 1);
        }

        if (end - start >= 2 && input[start] == '/' && input[start + 1] == '/')
        {
            return new Result(DstackUrlError.NetworkPath, start, end, default, start, 2);
        }

        // Where the path ends: at the query, else at the fragment, else at the end.
        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : end;
        int pathStart;
        bool hostNeedsIdn = false;
        DstackUrlKind kind;

        int colon = SchemeColon(input, start, end);
        if (colon >= 0)
        {
            bool isHttp = IsAsciiIgnoreCase(input, start, colon, "http");
            bool isHttps = !isHttp && IsAsciiIgnoreCase(input, start, colon, "https");
            if (!(isHttp || isHttps) || end - colon < 3 || input[colon + 1] != '/' || input[colon + 2] != '/')
            {
                return new Result(DstackUrlError.UnsupportedScheme, start, end, default, start, colon - start);
            }

            int authorityStart = colon + 3;
            int authorityEnd = IndexOf(input, '/', authorityStart, pathEnd);
            if (authorityEnd < 0)
            {
                authorityEnd = pathEnd;
            }

            int at = input.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            if (at >= 0)
            {
                return new Result(DstackUrlError.UserInfo, start, end, default, authorityStart, at + 1 - authorityStart);
            }

            if (!IsValidAuthority(input, authorityStart, authorityEnd, out hostNeedsIdn))
            {
                return new Result(DstackUrlError.InvalidHost, start, end, default, authorityStart, authorityEnd - authorityStart);
            }

            if (isHttp && serverIsHttps && !allowInsecureHttp)
            {
                return new Result(DstackUrlError.InsecureHttp, start, end, default, start, colon - start);
            }

            kind = DstackUrlKind.Gateway;
            pathStart = authorityEnd;
        }
        else
        {
            if (input[start] != '/')
            {
                // A rootless path whose first segment holds ':' reads as a scheme to every URL parser
                // (127.0.0.1:3000/v1 is the scheme "127.0.0.1" to some, a host and port to the user).
                int firstSegmentEnd = IndexOf(input, '/', start, pathEnd);
                int firstColon = IndexOf(input, ':', start, firstSegmentEnd < 0 ? pathEnd : firstSegmentEnd);
                if (firstColon >= 0)
                {
                    return new Result(DstackUrlError.UnsupportedScheme, start, end, default, start, firstColon - start);
                }
            }

            kind = DstackUrlKind.Server;
            pathStart = start;
        }

        if (fragment >= 0)
        {
            return new Result(DstackUrlError.Fragment, start, end, kind, fragment, end - fragment);
        }

        return CheckSegments(input, start, end, kind, pathStart, pathEnd, hostNeedsIdn);
    }

    /// <summary>
    /// The <see cref="DstackUrlError.InvalidHost"/> result for a gateway URL the scan accepted but whose host
    /// <see cref="Uri"/> refuses or maps to something unusable; its detail is the authority.
    /// </summary>
    public static Result InvalidHost(string input, Result scan)
    {
        int authorityStart = input.IndexOf("://", scan.Start, scan.End - scan.Start, StringComparison.Ordinal) + 3;
        int authorityEnd = input.IndexOfAny(AuthorityEnds, authorityStart, scan.End - authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = scan.End;
        }

        return new Result(DstackUrlError.InvalidHost, scan.Start, scan.End, scan.Kind, authorityStart, authorityEnd - authorityStart);
    }

    /// <summary>Dot segments first, then empty ones, so that the precedence holds whatever their order in the path.</summary>
    private static Result CheckSegments(string input, int start, int end, DstackUrlKind kind, int pathStart, int pathEnd, bool hostNeedsIdn)
    {
        // Most paths hold neither: no '.' or '%' means no dot segment, no "//" no empty one.
        var path = input.AsSpan(pathStart, pathEnd - pathStart);
        if (path.IndexOfAny('.', '%') < 0 && path.IndexOf("//".AsSpan()) < 0)
        {
            return new Result(DstackUrlError.None, start, end, kind, hostNeedsIdn: hostNeedsIdn);
        }

        int segment = pathStart < pathEnd && input[pathStart] == '/' ? pathStart + 1 : pathStart;
        int emptyAt = -1;
        while (segment <= pathEnd)
        {
            int slash = IndexOf(input, '/', segment, pathEnd);
            int segmentEnd = slash < 0 ? pathEnd : slash;
            if (IsDotSegment(input, segment, segmentEnd))
            {
                return new Result(DstackUrlError.DotSegment, start, end, kind, segment, segmentEnd - segment);
            }

            // An empty last segment is a trailing slash, which is kept as given.
            if (segmentEnd == segment && slash >= 0 && emptyAt < 0)
            {
                emptyAt = segment - 1;
            }

            if (slash < 0)
            {
                break;
            }

            segment = slash + 1;
        }

        return emptyAt >= 0
            ? new Result(DstackUrlError.EmptySegment, start, end, kind, emptyAt, 2)
            : new Result(DstackUrlError.None, start, end, kind, hostNeedsIdn: hostNeedsIdn);
    }

    /// <summary>"." or "..", each dot possibly written as %2e or %2E.</summary>
    private static bool IsDotSegment(string s, int start, int end)
    {
        int dots = 0;
        int i = start;
        while (i < end)
        {
            if (s[i] == '.')
            {
                i++;
            }
            else if (s[i] == '%' && i + 3 <= end && s[i + 1] == '2' && (s[i + 2] | 0x20) == 'e')
            {
                i += 3;
            }
            else
            {
                return false;
            }

            if (++dots > 2)
            {
                return false;
            }
        }

        return dots > 0;
    }

    /// <summary>The index of the ':' that ends a scheme (<c>^[A-Za-z][A-Za-z0-9+.-]*:</c>), or -1.</summary>
    private static int SchemeColon(string s, int start, int end)
    {
        if (!IsAsciiLetter(s[start]))
        {
            return -1;
        }

        for (int i = start + 1; i < end; i++)
        {
            char c = s[i];
            if (c == ':')
            {
                return i;
            }

            if (!(IsAsciiLetter(c) || IsDigit(c) || c == '+' || c == '-' || c == '.'))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// host[:port] where host is a registered name (letters, digits, '-', '.', '_' or non-ASCII for IDN)
    /// or a bracketed IPv6 literal, and port is 1–5 digits up to 65535.
    /// </summary>
    private static bool IsValidAuthority(string s, int start, int end, out bool hostNeedsIdn)
    {
        hostNeedsIdn = false;
        if (start >= end)
        {
            return false;
        }

        int hostEnd;
        if (s[start] == '[')
        {
            int close = IndexOf(s, ']', start + 1, end);
            if (close < 0 || close == start + 1)
            {
                return false;
            }

            for (int i = start + 1; i < close; i++)
            {
                char c = s[i];
                if (!(IsHexDigit(c) || c == ':' || c == '.'))
                {
                    return false;
                }
            }

            hostEnd = close + 1;
            if (hostEnd != end && s[hostEnd] != ':')
            {
                return false;
            }
        }
        else
        {
            int portColon = IndexOf(s, ':', start, end);
            hostEnd = portColon < 0 ? end : portColon;
            if (hostEnd == start)
            {
                return false;
            }

            int other = IndexOfNonAsciiHostChar(s, start, hostEnd);
            if (other >= 0)
            {
                // A non-ASCII name is checked again after IDN mapping (GatewayHost); any other character is refused.
                for (int i = other; i < hostEnd; i++)
                {
                    if (s[i] < 0xA0 && !IsAsciiHostChar(s[i]))
                    {
                        return false;
                    }
                }

                hostNeedsIdn = true;
            }
            else
            {
                hostNeedsIdn = s.IndexOf("xn--", start, hostEnd - start, StringComparison.OrdinalIgnoreCase) >= 0;
            }

            // WHATWG reads a host that ends in a number as an IPv4 address (decimal, octal, hex, one to four parts)
            // or fails, and .NET reads some of those otherwise; only the form every parser reads alike is taken.
            if (EndsInNumber(s, start, hostEnd) && !IsDottedDecimalIPv4(s, start, hostEnd))
            {
                return false;
            }
        }

        if (hostEnd == end)
        {
            return true;
        }

        // s[hostEnd] == ':': a port of 1–5 digits, at most 65535.
        int digits = end - hostEnd - 1;
        if (digits < 1 || digits > 5)
        {
            return false;
        }

        int port = 0;
        for (int i = hostEnd + 1; i < end; i++)
        {
            char c = s[i];
            if (!IsDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    /// <summary>
    /// WHATWG's "ends in a number": the last label (after one trailing '.' is dropped) is decimal digits or 0x and hex digits.
    /// </summary>
    internal static bool EndsInNumber(string s, int start, int end)
    {
        if (end > start && s[end - 1] == '.')
        {
            end--;
        }

        if (end == start)
        {
            return false;
        }

        int dot = s.LastIndexOf('.', end - 1, end - start);
        int label = dot < 0 ? start : dot + 1;
        if (label == end)
        {
            return false;
        }

        bool hex = end - label >= 2 && s[label] == '0' && (s[label + 1] | 0x20) == 'x';
        for (int i = hex ? label + 2 : label; i < end; i++)
        {
            if (!(hex ? IsHexDigit(s[i]) : IsDigit(s[i])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Four decimal parts of 0–255 without leading zeros, such as 127.0.0.1.</summary>
    private static bool IsDottedDecimalIPv4(string s, int start, int end)
    {
        int parts = 0;
        int i = start;
        while (true)
        {
            int partStart = i;
            int value = 0;
            while (i < end && IsDigit(s[i]) && i - partStart < 3)
            {
                value = (value * 10) + (s[i] - '0');
                i++;
            }

            int length = i - partStart;
            if (length == 0 || value > 255 || (length > 1 && s[partStart] == '0'))
            {
                return false;
            }

            parts++;
            if (i == end)
            {
                return parts == 4;
            }

            if (s[i] != '.' || parts == 4)
            {
                return false;
            }

            i++;
        }
    }

    private static int IndexOf(string s, char c, int start, int end) => s.IndexOf(c, start, end - start);

    /// <summary>The next control character, '\\', '#' or '?' in [<paramref name="from"/>, <paramref name="end"/>), or -1.</summary>
    private static int IndexOfSpecial(string s, int from, int end)
    {
#if NET8_0_OR_GREATER
        // Vectorized: a dstack base_url usually holds none of these, so the whole pass is one search.
        int i = s.AsSpan(from, end - from).IndexOfAny(Special);
        return i < 0 ? -1 : from + i;
#else
        for (int i = from; i < end; i++)
        {
            if (IsSpecial(s[i]))
            {
                return i;
            }
        }

        return -1;
#endif
    }

    /// <summary>The first character in [<paramref name="start"/>, <paramref name="end"/>) that is not a letter, digit, '-', '.' or '_', or -1.</summary>
    private static int IndexOfNonAsciiHostChar(string s, int start, int end)
    {
#if NET8_0_OR_GREATER
        int i = s.AsSpan(start, end - start).IndexOfAnyExcept(AsciiHostChars);
        return i < 0 ? -1 : start + i;
#else
        for (int i = start; i < end; i++)
        {
            if (!IsAsciiHostChar(s[i]))
            {
                return i;
            }
        }

        return -1;
#endif
    }

    private static bool IsAsciiHostChar(char c) => IsAsciiLetter(c) || IsDigit(c) || c == '-' || c == '.' || c == '_';

    private static bool IsSpecial(char c) => IsControl(c) || c == '\\' || c == '#' || c == '?';

    /// <summary>C0 controls, DEL and C1 controls (U+0080–U+009F).</summary>
    internal static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    private static bool IsAsciiIgnoreCase(string s, int start, int end, string lower)
    {
        if (end - start != lower.Length)
        {
            return false;
        }

        for (int i = 0; i < lower.Length; i++)
        {
            if ((s[start + i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>TAB, LF, FF, CR and space: the ASCII white space that WHATWG and dstack strip from the ends.</summary>
    internal static bool IsTrimmable(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
}
