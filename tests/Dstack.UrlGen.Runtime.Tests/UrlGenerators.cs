using CsCheck;

namespace Dstack.UrlGen.Tests;

/// <summary>CsCheck generators of URL-ish strings built to hit the resolver's edges, not random letters.</summary>
internal static class UrlGenerators
{
    private static readonly string? NoString = null;

    /// <summary>Pieces that mean something to some URL parser: separators, dot segments, schemes, hosts, controls, non-ASCII.</summary>
    private static readonly string[] Tokens =
    [
        "/", "/", "/", "//", "\\", ".", "..", "%2e", "%2E", ".%2E", "%2e%2e", ":", "@", "?", "#", "&", "=", "%", "%20", "%41",
        "%2f", "%5C", "%00", " ", "\t", "\n", "\r", "\f", "\u000B", "\u0000", "\u001F", "\u007F", "\u0080", "\u0085", "\u009F",
        "\u00A0", "\u3000", "\u2028", "\u200B", "\uFEFF", "\u00E9", "\u65E5\u672C", "\U0001F600", "\uD800", "\uDC00", "\uFFFE", "\uFF0E",
        "a", "v1", "proxy", "models", "services", "main", "qwen36", "chat", "completions",
        "http:", "https:", "HTTP:", "http://", "https://", "HtTpS://", "javascript:", "file:", "ftp://", "data:", "ws://",
        "localhost", "localhost:3000", "127.0.0.1", "0x7f.1", "1.2.3.4.5", "[::1]", "[", "]", "evil.com", "gw.example.com",
        ":8080", ":99999", ":", "xn--", "~", "+", "|", "\"", "<", ">", "'", "`", "{", "}", "^", ";", ",", "!", "$", "*",
    ];

    private static readonly Gen<string> Token = Gen.Frequency(
        (8, Gen.OneOf(Tokens)),
        (1, Gen.Char['\u0000', '\u00FF'].Select(c => c.ToString())),
        (1, Gen.Char.Select(c => c.ToString())));

    /// <summary>Any mix of the tokens, at times behind a leading '/', a gateway prefix or white space; now and then null.</summary>
    public static readonly Gen<string?> AdversarialBaseUrl = Gen.Frequency(
        (10, Token.Array[0, 14].Select(Concat)),
        (4, Token.Array[0, 10].Select(t => "/" + Concat(t))),
        (3, Token.Array[0, 10].Select(t => "https://" + Concat(t))),
        (1, Token.Array[0, 6].Select(t => " \t" + Concat(t) + "\n")),
        (1, Gen.Const(NoString)));

    /// <summary>Server URLs with and without a path prefix, trailing slashes, ports, IP literals and escapes.</summary>
    public static readonly Gen<Uri> Server = Gen.OneOf(
        "http://localhost:3000",
        "http://localhost:3000/",
        "https://dstack.example.com/some/prefix",
        "https://dstack.example.com/some/prefix/",
        "http://127.0.0.1:3000/api/",
        "https://[::1]:8443/p",
        "https://dstack.example.com/caf%C3%A9/x",
        "https://d.example.com:443/",
        "http://d.example.com:80/x//").Select(s => new Uri(s));

    /// <summary>Server URL strings, good and bad, now and then null.</summary>
    public static readonly Gen<string?> AdversarialServer = Gen.Frequency(
        (4, Server.Select(u => (string?)u.OriginalString)),
        (4, Token.Array[0, 10].Select(Concat)),
        (2, Token.Array[0, 8].Select(t => (string?)("https://dstack.example.com" + Concat(t)))),
        (1, Gen.Const(NoString)));

    /// <summary>Server URL strings whose host is made of the tokens (non-ASCII, dots, escapes, numbers, brackets…).</summary>
    public static readonly Gen<string> AdversarialServerHost = Gen.Select(
        Token.Array[1, 6], Gen.OneOf("", ".example.com", ":3000"), (t, tail) => "https://" + Concat(t) + tail + "/p");

    /// <summary>Characters a model path may plausibly hold, spaces and non-ASCII (BMP and astral) included.</summary>
    private static readonly Gen<string> PathCharacter = Gen.Frequency(
        (6, Gen.Char["abcxyzABCXYZ0123456789-_~"].Select(c => c.ToString())),
        (1, Gen.Const(" ")),
        (2, Gen.Char['\u00A0', '\u07FF'].Select(c => c.ToString())),
        (2, Gen.Char['\u0800', '\uD7FF'].Select(c => c.ToString())),
        (1, Gen.Char['\uE000', '\uFFFD'].Select(c => c.ToString())),
        (1, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)));

    private static string? Concat(string[] tokens) => string.Concat(tokens);

    /// <summary>A path segment that is never empty and never a dot segment (it holds at least one non-dot character).</summary>
    private static readonly Gen<string> Segment = PathCharacter.Array[1, 6].Select(string.Concat);

    /// <summary>A path of such segments, with or without the leading and trailing slash.</summary>
    public static readonly Gen<string> PlausiblePath = Gen.Select(
        Segment.Array[1, 5], Gen.Bool, Gen.Bool,
        (segments, leading, trailing) => (leading ? "/" : string.Empty) + string.Join("/", segments) + (trailing ? "/" : string.Empty));

    /// <summary>Relative inputs that are mostly accepted: plausible paths, at times with a query or an adversarial token inside.</summary>
    public static readonly Gen<string> PlausibleRelative = Gen.Frequency(
        (6, PlausiblePath),
        (2, Gen.Select(PlausiblePath, Token.Array[0, 4], (p, q) => p + "?" + string.Concat(q))),
        (2, Gen.Select(PlausiblePath, Token, PlausiblePath, (a, t, b) => a + t + b)));
}
