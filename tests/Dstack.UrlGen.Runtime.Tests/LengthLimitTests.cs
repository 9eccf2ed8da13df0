using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// Every input is answered in time linear in its length: a base_url longer than 2,048 characters or a host longer than
/// DNS's 253 is refused before any host work (<see cref="DstackUrlError.TooLong"/>), and a server URL longer than
/// 2,048 characters is <see cref="DstackUrlError.InvalidServerUrl"/>. Before, <c>"https://" + "ü." × 500,000</c> took
/// 6.5–12 s in IDN mapping.
/// </summary>
public class LengthLimitTests(ITestOutputHelper output)
{
    private const int Megabyte = 1 << 20;

    /// <summary>
    /// A quarter of a millisecond per KB for 1 MB: far above what a loaded 2-core machine needs for a linear pass (a few
    /// milliseconds), far below the seconds of the quadratic IDN path.
    /// </summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMilliseconds(256);

    private static readonly Uri Server = new("https://dstack.example.com/some/prefix");

    public static TheoryData<string> Shapes() => new()
    {
        "unicode labels", "punycode labels", "ascii host", "dotted host", "ipv6", "port", "user info",
        "relative path", "dot segments", "encoded separators", "percent signs", "query", "scheme", "colons", "trailing space",
    };

    /// <summary>One MB of <paramref name="shape"/>.</summary>
    private static string Input(string shape) => shape switch
    {
        "unicode labels" => Fill("https://", "\u00FC.", "com/"),
        "punycode labels" => Fill("https://", "xn--a.", "com/"),
        "ascii host" => Fill("https://", "a", ".com/"),
        "dotted host" => Fill("https://", "a.", "com/"),
        "ipv6" => Fill("https://[", "0:", "1]/"),
        "port" => Fill("https://h:", "1", "/"),
        "user info" => Fill("https://", "a:", "@h/"),
        "relative path" => Fill("/", "a/", "v1"),
        "dot segments" => Fill("/", "%2e/", "x"),
        "encoded separators" => Fill("/", "..%2F", "x"),
        "percent signs" => Fill("/", "%", "x"),
        "query" => Fill("/v1?", "a", string.Empty),
        "scheme" => Fill("a", "b", ":x"),
        "colons" => Fill(string.Empty, "a:", "/v1"),
        "trailing space" => Fill("/v1", " ", "x"),
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_megabyte_base_url_is_TooLong_in_linear_time(string shape)
    {
        string input = Input(shape);

        var time = Stopwatch.StartNew();
        bool ok = DstackUrl.TryResolve(Server, input, out _, out var error);
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Classify(input));
        time.Stop();

        output.WriteLine($"{shape}: {input.Length:N0} characters, {error}, {time.Elapsed.TotalMilliseconds:F1} ms");
        Assert.False(ok);
        Assert.Equal(DstackUrlError.TooLong, error);
        Assert.Equal(DstackUrlError.TooLong, ex.Error);
        Assert.Contains($"{input.Length} characters", ex.Message);
        Assert.Contains("at most 2048", ex.Message);
        Assert.True(time.Elapsed < Bound, $"{shape}: {time.Elapsed.TotalMilliseconds:F0} ms for 1 MB");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void A_megabyte_server_url_is_InvalidServerUrl_in_linear_time(string shape)
    {
        string server = Input(shape);
        Uri.TryCreate(server, UriKind.Absolute, out var serverUri);

        var time = Stopwatch.StartNew();
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, "/v1"));
        bool ok = serverUri is not null && DstackUrl.TryResolve(serverUri, "https://gw.example.com/v1", out _, out _);
        time.Stop();

        output.WriteLine($"{shape}: {server.Length:N0} characters, {time.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
        Assert.False(ok);
        Assert.True(time.Elapsed < Bound, $"{shape}: {time.Elapsed.TotalMilliseconds:F0} ms for 1 MB");
    }

    [Fact]
    public void A_megabyte_of_white_space_around_a_path_is_trimmed_in_linear_time()
    {
        string pad = new(' ', Megabyte / 2);

        var time = Stopwatch.StartNew();
        var url = DstackUrl.Resolve(Server, pad + "/proxy/models/main/" + pad);
        time.Stop();

        Assert.Equal("https://dstack.example.com/some/prefix/proxy/models/main/", url.AbsoluteUri);
        Assert.True(time.Elapsed < Bound, $"{time.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void The_limits_are_2048_characters_and_a_253_character_host()
    {
        string path = "/" + new string('a', 2047);
        Assert.Equal(2048, DstackUrl.Resolve(Server, path).AbsolutePath.Length - "/some/prefix".Length);
        Refusal.Assert(path + "a", DstackUrlError.TooLong);

        // 253 characters in labels of at most 63, with and without the root's trailing dot.
        string host = string.Join(".", Enumerable.Repeat(new string('a', 62), 4)) + ".a";
        Assert.Equal(253, host.Length);
        Assert.Equal(host, DstackUrl.Resolve(Server, "https://" + host + "/v1").Host);
        Assert.Equal(host + ".", DstackUrl.Resolve(Server, "https://" + host + "./v1").Host);
        var ex = Refusal.Assert("https://" + host + "a/v1", DstackUrlError.TooLong);
        Assert.Contains("254 characters", ex.Message);
        Assert.Contains("at most 253", ex.Message);

        Assert.Equal(DstackUrlError.InvalidServerUrl, Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve("https://d.example.com/" + new string('p', 2048), "/v1")).Error);
    }

    [Fact]
    public void A_path_longer_than_net_framework_Uri_takes_is_TooLong()
    {
        // .NET Framework's Uri throws for strings over 65,519 characters; the limit keeps every join far below that.
        Refusal.Assert("/" + new string('a', 70_000), DstackUrlError.TooLong);
    }

    private static string Fill(string prefix, string unit, string suffix)
    {
        var sb = new StringBuilder(Megabyte + 16).Append(prefix);
        while (sb.Length + unit.Length + suffix.Length <= Megabyte)
        {
            sb.Append(unit);
        }

        return sb.Append(suffix).ToString();
    }
}
