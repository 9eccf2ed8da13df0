namespace Dstack.UrlGen.Tests;

/// <summary>Asserts that the resolver refuses an input the same way through Resolve and TryResolve.</summary>
internal static class Refusal
{
    public const string HttpsServer = "https://dstack.example.com/some/prefix";

    public static DstackUrlException Assert(string? baseUrl, DstackUrlError expected, string server = HttpsServer, DstackUrlOptions? options = null)
    {
        var ex = Xunit.Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(new Uri(server), baseUrl!, options));
        Xunit.Assert.Equal(expected, ex.Error);
        Xunit.Assert.Equal(baseUrl, ex.BaseUrl);

        var fromString = Xunit.Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, baseUrl!, options));
        Xunit.Assert.Equal(expected, fromString.Error);
        Xunit.Assert.Equal(ex.Message, fromString.Message);

        Xunit.Assert.False(DstackUrl.TryResolve(new Uri(server), baseUrl, out var url, out var error, options));
        Xunit.Assert.Null(url);
        Xunit.Assert.Equal(expected, error);

        Xunit.Assert.False(DstackUrl.TryResolve(server, baseUrl, out url, out error, options));
        Xunit.Assert.Null(url);
        Xunit.Assert.Equal(expected, error);
        return ex;
    }

    /// <summary>The input as the message quotes it: in double quotes, control characters as <c>\uXXXX</c>.</summary>
    public static string Quoted(string value)
        => "\"" + string.Concat(value.Select(c => c < 0x20 || (c >= 0x7F && c <= 0x9F) ? $"\\u{(int)c:X4}" : c == '"' ? "\\\"" : c.ToString())) + "\"";
}
