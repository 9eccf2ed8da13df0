namespace Dstack.UrlGen;

/// <summary>Why <see cref="DstackUrl"/> refused a server URL or a <c>base_url</c>.</summary>
#if DSTACK_ANALYZER
internal
#else
public
#endif
    enum DstackUrlError
{
    /// <summary>No error: the input was accepted.</summary>
    None,

    /// <summary>The <c>base_url</c> is null, empty or only white space.</summary>
    Empty,

    /// <summary>The server URL is not an absolute http(s) URL, or it carries a query, a fragment or user info.</summary>
    InvalidServerUrl,

    /// <summary>The <c>base_url</c> has a scheme other than http or https (<c>javascript:</c>, <c>file:</c>, <c>localhost:3000/v1</c>, <c>https:foo</c>).</summary>
    UnsupportedScheme,

    /// <summary>The <c>base_url</c> starts with <c>//</c>, a network-path reference that would switch to another host.</summary>
    NetworkPath,

    /// <summary>The <c>base_url</c> contains a backslash, which browsers and some parsers read as <c>/</c>.</summary>
    Backslash,

    /// <summary>The <c>base_url</c> contains a C0 or C1 control character or DEL (leading and trailing ASCII white space is trimmed first).</summary>
    ControlCharacter,

    /// <summary>The absolute <c>base_url</c> carries user info (<c>https://trusted.com@evil.com/</c>).</summary>
    UserInfo,

    /// <summary>The path has a <c>.</c> or <c>..</c> segment, also percent-encoded (<c>%2e</c>).</summary>
    DotSegment,

    /// <summary>The path has an empty segment (<c>//</c>) inside it.</summary>
    EmptySegment,

    /// <summary>The <c>base_url</c> has a fragment (<c>#…</c>).</summary>
    Fragment,

    /// <summary>An absolute <c>http://</c> <c>base_url</c> while the server URL is <c>https://</c>; allow it with <see cref="DstackUrlOptions.AllowInsecureHttp"/>.</summary>
    InsecureHttp,

    /// <summary>
    /// The absolute <c>base_url</c> has no host, a malformed host (a name that is not ASCII letters, digits, <c>-</c> and
    /// <c>_</c> in dot-separated labels of 1–63 characters, a number that is not four-part decimal IPv4, a bad <c>xn--</c>
    /// label, a bad IPv6 literal) or a malformed port.
    /// </summary>
    InvalidHost,

    /// <summary>The <c>base_url</c> is longer than 2,048 characters, or its host longer than DNS's 253.</summary>
    TooLong,

    /// <summary>The path holds a percent-encoded <c>/</c>, <c>\</c> or <c>%</c> (<c>%2F</c>, <c>%5C</c>, <c>%25</c>), which a proxy that decodes before routing reads as a separator.</summary>
    EncodedSeparator,
}
