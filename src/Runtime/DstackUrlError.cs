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

    /// <summary>The absolute <c>base_url</c> has no host, a malformed host or a malformed port.</summary>
    InvalidHost,
}
