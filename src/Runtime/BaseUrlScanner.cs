using System.Globalization;

namespace Dstack.UrlGen;

/// <summary>
/// The resolver's one scan (docs/resolver.md): finds the parts of a <c>base_url</c> (scheme, authority, user info,
/// host, port, path) and checks them in the order of the safety rules. <see cref="DstackUrl"/> (Resolve, Classify and
/// the server URL check), the messages and the compile-time <c>BaseUrl</c> check (DSTK0103, which links this file) all
/// judge an input by it. Every step is linear in the input; one longer than <see cref="MaxLength"/> after trimming is
/// refused before any other check.
/// </summary>
internal static class BaseUrlScanner
{
    /// <summary>The longest <c>base_url</c> or server URL taken; dstack's are under 200 characters.</summary>
    public const int MaxLength = 2048;

    /// <summary>The longest host name, as DNS has it (without the root's trailing dot).</summary>
    public const int MaxHostLength = 253;

    private const int MaxLabelLength = 63;

    private const string AuthorityEnds = "/\\?#";

#if NET8_0_OR_GREATER
    private static readonly System.Buffers.SearchValues<char> Special =
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0xA0).Select(c => (char)c).Where(IsSpecial).ToArray());

    private static readonly System.Buffers.SearchValues<char> HostCharacters =
        System.Buffers.SearchValues.Create("-.0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
#endif

    /// <summary>
    /// The outcome of <see cref="Scan"/>: the error, the trimmed input, and the detail range: the part an error is about
    /// (the scheme, the host, the bad segment, …), or the authority of an accepted gateway URL.
    /// </summary>
    internal readonly struct Result
    {
        public Result(DstackUrlError error, int start, int end, DstackUrlKind kind, int detailStart = 0, int detailLength = 0)
        {
            Error = error;
            Start = start;
            End = end;
            Kind = kind;
            DetailStart = detailStart;
            DetailLength = detailLength;
        }

        public DstackUrlError Error { get; }

        /// <summary>Start of the input after leading ASCII white space is trimmed.</summary>
        public int Start { get; }

        /// <summary>End (exclusive) of the input after trailing ASCII white space is trimmed.</summary>
        public int End { get; }

        public DstackUrlKind Kind { get; }

        public int DetailStart { get; }

        public int DetailLength { get; }

        public Result WithError(DstackUrlError error) => new(error, Start, End, Kind, DetailStart, DetailLength);
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

        if (start == end || (char.IsWhiteSpace(input[start]) && string.IsNullOrWhiteSpace(input)))
        {
            return new Result(DstackUrlError.Empty, start, end, default);
        }

        if (end - start > MaxLength)
        {
            return new Result(DstackUrlError.TooLong, start, end, default, start, end - start);
        }

        // The one pass over every character: the checks that hold anywhere in the input, and the delimiters.
        int control = -1, backslash = -1, query = -1, fragment = -1;
        for (int i = IndexOfSpecial(input, start, end); i >= 0; i = IndexOfSpecial(input, i + 1, end))
        {
            char c = input[i];
            if (IsControl(c))
            {
                control = control < 0 ? i : control;
            }
            else if (c == '\\')
            {
                backslash = backslash < 0 ? i : backslash;
            }
            else if (c == '#')
            {
                fragment = fragment < 0 ? i : fragment;
            }
            else if (query < 0 && fragment < 0)
            {
                query = i;
            }
        }

        if (control >= 0 || backslash >= 0)
        {
            return control >= 0
                ? new Result(DstackUrlError.ControlCharacter, start, end, default, control, 1)
                : new Result(DstackUrlError.Backslash, start, end, default, backslash, 1);
        }

        if (end - start >= 2 && input[start] == '/' && input[start + 1] == '/')
        {
            return new Result(DstackUrlError.NetworkPath, start, end, default, start, 2);
        }

        int pathEnd = query >= 0 ? query : fragment >= 0 ? fragment : end;
        int colon = FindAuthority(input, start, pathEnd, out int authorityStart, out int authorityEnd);
        DstackUrlKind kind = colon >= 0 ? DstackUrlKind.Gateway : DstackUrlKind.Server;
        int pathStart = start, detailStart = 0, detailLength = 0;
        if (colon >= 0)
        {
            bool isHttp = IsAsciiIgnoreCase(input, start, colon, "http");
            if (!(isHttp || IsAsciiIgnoreCase(input, start, colon, "https")) || authorityStart < colon + 3)
            {
                return new Result(DstackUrlError.UnsupportedScheme, start, end, default, start, colon - start);
            }

            // "https:///h": a third slash leaves the authority empty for RFC 3986 parsers, and WHATWG skips it.
            authorityEnd = authorityStart == colon + 3 ? authorityEnd : colon + 3;
            var error = CheckAuthority(input, colon + 3, authorityEnd, out detailStart, out detailLength);
            if (error != DstackUrlError.None || (isHttp && serverIsHttps && !allowInsecureHttp))
            {
                return error != DstackUrlError.None
                    ? new Result(error, start, end, default, detailStart, detailLength)
                    : new Result(DstackUrlError.InsecureHttp, start, end, default, start, colon - start);
            }

            pathStart = authorityEnd;
        }
        else if (input[start] != '/')
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

        return fragment >= 0
            ? new Result(DstackUrlError.Fragment, start, end, kind, fragment, end - fragment)
            : CheckPath(input, new Result(DstackUrlError.None, start, end, kind, detailStart, detailLength), pathStart, pathEnd);
    }

    /// <summary>
    /// Checks a server's <see cref="Uri.AbsoluteUri"/> by the same rules as a gateway URL's scheme and authority, and
    /// finds its prefix: the URL without its trailing slashes. The path is the server's own and not checked; a query or
    /// a fragment is refused.
    /// </summary>
    public static bool IsValidServer(string absolute, out int prefixLength, out bool isHttps)
    {
        prefixLength = 0;
        isHttps = false;
        int colon = FindAuthority(absolute, 0, Math.Min(absolute.Length, MaxLength + 1), out int authorityStart, out int authorityEnd);
        if (colon < 0 || authorityStart != colon + 3 || absolute.Length > MaxLength)
        {
            return false;
        }

        isHttps = IsAsciiIgnoreCase(absolute, 0, colon, "https");
        if (!(isHttps || IsAsciiIgnoreCase(absolute, 0, colon, "http"))
            || CheckAuthority(absolute, authorityStart, authorityEnd, out _, out _) != DstackUrlError.None
            || absolute.AsSpan(authorityEnd).IndexOfAny('?', '#') >= 0)
        {
            return false;
        }

        prefixLength = absolute.Length;
        while (prefixLength > authorityEnd && absolute[prefixLength - 1] == '/')
        {
            prefixLength--;
        }

        return true;
    }

    /// <summary>
    /// Where some URL parser reads an authority in <paramref name="s"/>[<paramref name="start"/>..<paramref name="end"/>):
    /// after a scheme's ':' and any '/' or '\' (WHATWG reads <c>https:h</c>, <c>https:/\h</c> and <c>https:///h</c> all with
    /// the host h), or after two or more of them at the start; up to the next '/', '\', '?' or '#'. Returns the scheme's
    /// colon, or -1; <paramref name="authorityStart"/> is -1 when no parser reads an authority. The messages use it to
    /// mask user info, the scan to find the host.
    /// </summary>
    internal static int FindAuthority(string s, int start, int end, out int authorityStart, out int authorityEnd)
    {
        int colon = SchemeColon(s, start, end);
        int slashes = colon >= 0 ? colon + 1 : start;
        int i = slashes;
        while (i < end && (s[i] == '/' || s[i] == '\\'))
        {
            i++;
        }

        authorityStart = colon < 0 && i - slashes < 2 ? -1 : i;
        authorityEnd = authorityStart < 0 ? -1 : s.AsSpan(i, end - i).IndexOfAny(AuthorityEnds.AsSpan());
        authorityEnd = authorityStart < 0 ? -1 : authorityEnd < 0 ? end : i + authorityEnd;
        return colon;
    }

    /// <summary>host[:port] with no user info; the detail is the authority, or the host when it is too long.</summary>
    private static DstackUrlError CheckAuthority(string s, int start, int end, out int detailStart, out int detailLength)
    {
        detailStart = start;
        detailLength = end - start;
        // Most authorities are a plain name: one search that finds only name characters rules out '@', ':' and '['.
        int other = IndexOfNonHostCharacter(s, start, end);
        if (other >= 0 && s.LastIndexOf('@', end - 1, end - other) >= 0)
        {
            return DstackUrlError.UserInfo;
        }

        bool ipv6 = other == start && s[start] == '[';
        int hostEnd = other < 0 ? end : ipv6 ? IndexOf(s, ']', start, end) + 1 : IndexOf(s, ':', other, end);
        hostEnd = hostEnd < 0 ? end : hostEnd;
        var error = !ipv6 ? CheckHostName(s, start, hostEnd, nameCharactersOnly: other < 0 || other >= hostEnd)
            : hostEnd > start + 2 && IsIPv6Literal(s, start + 1, hostEnd - 1) ? DstackUrlError.None : DstackUrlError.InvalidHost;
        if (error == DstackUrlError.TooLong)
        {
            detailLength = hostEnd - start;
        }

        return error != DstackUrlError.None || IsPort(s, hostEnd, end) ? error : DstackUrlError.InvalidHost;
    }

    /// <summary>
    /// An ASCII DNS name: labels of 1–63 letters, digits, '-' (not first or last) and '_', at most 253 characters, one
    /// trailing dot allowed. No Unicode: clients convert it to different names (docs/resolver.md, "Hosts"). An <c>xn--</c>
    /// label must be valid punycode, and a name ending in a number must be dotted-decimal IPv4, as WHATWG reads it.
    /// <paramref name="nameCharactersOnly"/> is what the caller's one search of the authority found for the name.
    /// </summary>
    private static DstackUrlError CheckHostName(string s, int start, int end, bool nameCharactersOnly)
    {
        int length = end - start - (end > start && s[end - 1] == '.' ? 1 : 0);
        if (length > MaxHostLength || length == 0)
        {
            return length == 0 ? DstackUrlError.InvalidHost : DstackUrlError.TooLong;
        }

        if (!nameCharactersOnly)
        {
            return DstackUrlError.InvalidHost;
        }

        // Label by label, in a scalar pass: these names are short, and a search per label costs more than it saves. A
        // trailing '.' (the DNS root) ends the name without an empty label after it.
        int label = start;
        for (int i = start; i < end; i++)
        {
            if (s[i] == '.')
            {
                if (!IsLabel(s, label, i))
                {
                    return DstackUrlError.InvalidHost;
                }

                label = i + 1;
            }
        }

        if (label < end && !IsLabel(s, label, end))
        {
            return DstackUrlError.InvalidHost;
        }

        // WHATWG reads a name whose last label is a number as IPv4 (decimal, octal, hex, one to four parts) or fails,
        // and .NET reads some of those otherwise; only the form every parser reads alike is taken.
        return EndsInNumber(s, start, end) && !IsDottedDecimalIPv4(s, start, end) ? DstackUrlError.InvalidHost : DstackUrlError.None;
    }

    /// <summary>1–63 name characters, not starting or ending with '-'; an <c>xn--</c> label must be punycode.</summary>
    private static bool IsLabel(string s, int start, int end)
    {
        int n = end - start;
        return n > 0 && n <= MaxLabelLength && s[start] != '-' && s[end - 1] != '-'
            && !(n >= 4 && s[start + 2] == '-' && s[start + 3] == '-' && IsAsciiIgnoreCase(s, start, start + 2, "xn") && !IsPunycode(s.Substring(start, n)));
    }

    /// <summary>
    /// An <c>xn--</c> label must decode to a valid name that encodes back to itself (WHATWG fails it otherwise). A label
    /// has at most 63 characters, so this is the only IDN work, and it is bounded. (IdnMapping's instance members are
    /// not documented as thread-safe, hence one per call; such labels are rare.)
    /// </summary>
    private static bool IsPunycode(string label)
    {
        var idn = new IdnMapping();
        try
        {
            return string.Equals(idn.GetAscii(idn.GetUnicode(label)), label, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Dot segments (also with a <c>;</c> parameter) first, then encoded separators, then empty segments.</summary>
    private static Result CheckPath(string s, Result accepted, int pathStart, int pathEnd)
    {
        // Most paths hold none: no '.', '%' or ';' means no dot segment or escape, no "//" no empty segment.
        var path = s.AsSpan(pathStart, pathEnd - pathStart);
        if (path.IndexOfAny('.', '%', ';') < 0 && path.IndexOf("//".AsSpan()) < 0)
        {
            return accepted;
        }

        int encoded = -1, empty = -1;
        for (int segment = pathStart < pathEnd && s[pathStart] == '/' ? pathStart + 1 : pathStart, slash; segment <= pathEnd; segment = slash + 1)
        {
            slash = IndexOf(s, '/', segment, pathEnd);
            int segmentEnd = slash < 0 ? pathEnd : slash;
            int semicolon = IndexOf(s, ';', segment, segmentEnd);
            if (IsDotSegment(s, segment, semicolon < 0 ? segmentEnd : semicolon))
            {
                return new Result(DstackUrlError.DotSegment, accepted.Start, accepted.End, accepted.Kind, segment, segmentEnd - segment);
            }

            encoded = encoded < 0 ? IndexOfEncodedSeparator(s, segment, segmentEnd) : encoded;

            // An empty last segment is a trailing slash, which is kept as given.
            empty = empty < 0 && segmentEnd == segment && slash >= 0 ? segment - 1 : empty;
            if (slash < 0)
            {
                break;
            }
        }

        return encoded >= 0 ? new Result(DstackUrlError.EncodedSeparator, accepted.Start, accepted.End, accepted.Kind, encoded, 3)
            : empty >= 0 ? new Result(DstackUrlError.EmptySegment, accepted.Start, accepted.End, accepted.Kind, empty, 2)
            : accepted;
    }

    /// <summary>"." or "..", each dot possibly written as %2e or %2E.</summary>
    private static bool IsDotSegment(string s, int start, int end)
    {
        int dots = 0;
        for (int i = start; i < end && dots <= 2; dots++)
        {
            bool escaped = s[i] == '%' && i + 3 <= end && s[i + 1] == '2' && (s[i + 2] | 0x20) == 'e';
            if (!escaped && s[i] != '.')
            {
                return false;
            }

            i += escaped ? 3 : 1;
        }

        return dots is 1 or 2;
    }

    /// <summary>The first <c>%2F</c>, <c>%5C</c> or <c>%25</c> (any case) in the range, or -1.</summary>
    private static int IndexOfEncodedSeparator(string s, int start, int end)
    {
        for (int i = IndexOf(s, '%', start, end); i >= 0 && i + 2 < end; i = IndexOf(s, '%', i + 1, end))
        {
            char hi = s[i + 1], lo = (char)(s[i + 2] | 0x20);
            if ((hi == '2' && (lo == 'f' || lo == '5')) || (hi == '5' && lo == 'c'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The index of the ':' that ends a scheme (<c>^[A-Za-z][A-Za-z0-9+.-]*:</c>), or -1.</summary>
    private static int SchemeColon(string s, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            char c = s[i];
            if (c == ':' && i > start)
            {
                return i;
            }

            if (!(IsAsciiLetter(c) || (i > start && (IsDigit(c) || c == '+' || c == '-' || c == '.'))))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>Nothing, or ':' and 1–5 digits up to 65535.</summary>
    private static bool IsPort(string s, int colon, int end)
    {
        if (colon == end)
        {
            return true;
        }

        int port = 0;
        for (int i = colon + 1; i < end; i++)
        {
            port = IsDigit(s[i]) ? (port * 10) + (s[i] - '0') : int.MaxValue;
            if (port > 65535)
            {
                return false;
            }
        }

        return s[colon] == ':' && end - colon is >= 2 and <= 6;
    }

    /// <summary>The inside of [...]: hex digits, ':' and '.', checked in full by <see cref="Uri"/> afterwards.</summary>
    private static bool IsIPv6Literal(string s, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!(IsHexDigit(s[i]) || s[i] == ':' || s[i] == '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>WHATWG's "ends in a number": the last label (after one trailing '.' is dropped) is decimal digits or 0x and hex digits.</summary>
    private static bool EndsInNumber(string s, int start, int end)
    {
        end = s[end - 1] == '.' ? end - 1 : end;
        if (!IsHexDigit(s[end - 1]) && (s[end - 1] | 0x20) != 'x')
        {
            // Such a number ends in a hex digit or in "0x"; most names end in a letter that neither does.
            return false;
        }

        int label = s.LastIndexOf('.', end - 1, end - start) + 1;
        label = label == 0 ? start : label;
        bool hex = end - label >= 2 && s[label] == '0' && (s[label + 1] | 0x20) == 'x';
        for (int i = hex ? label + 2 : label; i < end; i++)
        {
            if (!(hex ? IsHexDigit(s[i]) : IsDigit(s[i])))
            {
                return false;
            }
        }

        return label < end;
    }

    /// <summary>Four decimal parts of 0–255 without leading zeros, such as 127.0.0.1.</summary>
    private static bool IsDottedDecimalIPv4(string s, int start, int end)
    {
        int parts = 0;
        for (int part = start, dot; part <= end; part = dot + 1)
        {
            dot = IndexOf(s, '.', part, end);
            dot = dot < 0 ? end : dot;
            if (++parts > 4 || dot == part || dot - part > 3 || (dot - part > 1 && s[part] == '0'))
            {
                return false;
            }

            int value = 0;
            for (int i = part; i < dot; i++)
            {
                value = IsDigit(s[i]) ? (value * 10) + (s[i] - '0') : 256;
            }

            if (value > 255)
            {
                return false;
            }

            if (dot == end)
            {
                break;
            }
        }

        return parts == 4;
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

    /// <summary>The first character that no ASCII DNS name holds (not a letter, digit, '-', '_' or '.'), or -1.</summary>
    private static int IndexOfNonHostCharacter(string s, int start, int end)
    {
#if NET8_0_OR_GREATER
        int i = s.AsSpan(start, end - start).IndexOfAnyExcept(HostCharacters);
        return i < 0 ? -1 : start + i;
#else
        for (int i = start; i < end; i++)
        {
            if (!(IsAsciiLetter(s[i]) || IsDigit(s[i]) || s[i] == '-' || s[i] == '_' || s[i] == '.'))
            {
                return i;
            }
        }

        return -1;
#endif
    }

    private static bool IsSpecial(char c) => IsControl(c) || c == '\\' || c == '#' || c == '?';

    /// <summary>C0 controls, DEL and C1 controls (U+0080–U+009F).</summary>
    internal static bool IsControl(char c) => c < 0x20 || (c >= 0x7F && c <= 0x9F);

    private static bool IsAsciiIgnoreCase(string s, int start, int end, string lower)
    {
        for (int i = 0; i < lower.Length && end - start == lower.Length; i++)
        {
            if ((s[start + i] | 0x20) != lower[i])
            {
                return false;
            }
        }

        return end - start == lower.Length;
    }

    /// <summary>TAB, LF, FF, CR and space: the ASCII white space that WHATWG and dstack strip from the ends.</summary>
    internal static bool IsTrimmable(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';
}
