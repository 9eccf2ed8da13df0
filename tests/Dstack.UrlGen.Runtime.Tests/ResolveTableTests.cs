namespace Dstack.UrlGen.Tests;

/// <summary>The rows of the resolution table (docs/resolver.md), through every overload, and the join details around them.</summary>
public class ResolveTableTests
{
    public static TheoryData<string, string, string> Table() => DesignTable.Data();

    [Theory]
    [MemberData(nameof(Table))]
    public void Resolves_the_design_table(string server, string baseUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.Resolve(server, baseUrl).AbsoluteUri);
        Assert.Equal(expected, DstackUrl.Resolve(new Uri(server), baseUrl).AbsoluteUri);

        // No "!" below: [NotNullWhen(true)] on TryResolve tells the compiler url is set (a CS8602 would fail this build).
        Assert.True(DstackUrl.TryResolve(new Uri(server), baseUrl, out var url, out var error));
        Assert.Equal(DstackUrlError.None, error);
        Assert.Equal(expected, url.AbsoluteUri);

        Assert.True(DstackUrl.TryResolve(server, baseUrl, out url, out error));
        Assert.Equal(DstackUrlError.None, error);
        Assert.Equal(expected, url.AbsoluteUri);
    }

    [Fact]
    public void The_table_has_every_row_of_the_design()
    {
        // Four server rows, and the two gateway rows against two servers.
        Assert.Equal(8, DesignTable.Rows().Count());
    }

    [Theory]
    [InlineData("https://dstack.example.com/some/prefix//", "/proxy/models/main", "https://dstack.example.com/some/prefix/proxy/models/main")]
    [InlineData("https://dstack.example.com", "proxy/models/main", "https://dstack.example.com/proxy/models/main")]
    [InlineData("https://dstack.example.com/p", "/", "https://dstack.example.com/p/")]
    [InlineData("http://127.0.0.1:3000", "/proxy/models/main/", "http://127.0.0.1:3000/proxy/models/main/")]
    [InlineData("http://[::1]:3000/", "/proxy/models/main", "http://[::1]:3000/proxy/models/main")]
    [InlineData("HTTPS://DSTACK.EXAMPLE.COM:443/Prefix", "/proxy/models/main", "https://dstack.example.com/Prefix/proxy/models/main")]
    public void Joins_with_exactly_one_slash_and_keeps_the_server_prefix(string server, string baseUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.Resolve(server, baseUrl).AbsoluteUri);
    }

    [Theory]
    [InlineData("/proxy/models/main/", "https://dstack.example.com/proxy/models/main/")]
    [InlineData("/proxy/models/main", "https://dstack.example.com/proxy/models/main")]
    [InlineData("/proxy/services/main/qwen36/v1?api-version=2024", "https://dstack.example.com/proxy/services/main/qwen36/v1?api-version=2024")]
    [InlineData("/v1/?next=a//b", "https://dstack.example.com/v1/?next=a//b")]
    [InlineData("/v1?next=../x", "https://dstack.example.com/v1?next=../x")]
    [InlineData("/proxy@evil.com/", "https://dstack.example.com/proxy@evil.com/")]
    [InlineData("/a/.../b", "https://dstack.example.com/a/.../b")]
    [InlineData("/a/.b/c.", "https://dstack.example.com/a/.b/c.")]
    [InlineData("/a:b", "https://dstack.example.com/a:b")]
    [InlineData("https://qwen36.example.com/v1/", "https://qwen36.example.com/v1/")]
    [InlineData("https://qwen36.example.com/v1?api-version=x", "https://qwen36.example.com/v1?api-version=x")]
    [InlineData("https://qwen36.example.com:8443/v1", "https://qwen36.example.com:8443/v1")]
    [InlineData("https://[2001:db8::1]/v1", "https://[2001:db8::1]/v1")]
    public void Keeps_the_trailing_slash_the_query_and_ordinary_characters(string baseUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.Resolve("https://dstack.example.com", baseUrl).AbsoluteUri);
    }

    [Theory]
    [InlineData(" /proxy/models/main/ ")]
    [InlineData("\t\r\n/proxy/models/main/\f")]
    [InlineData("\n/proxy/models/main/\n")]
    public void Trims_leading_and_trailing_ascii_white_space(string baseUrl)
    {
        Assert.Equal("https://dstack.example.com/proxy/models/main/", DstackUrl.Resolve("https://dstack.example.com", baseUrl).AbsoluteUri);
    }

    [Fact]
    public void An_absolute_gateway_url_ignores_the_server_prefix()
    {
        var url = DstackUrl.Resolve("https://dstack.example.com/some/prefix", "https://qwen36.example.com/v1");

        Assert.Equal("https://qwen36.example.com/v1", url.AbsoluteUri);
    }

    [Fact]
    public void An_http_gateway_is_fine_for_an_http_server()
    {
        Assert.Equal("http://gw.example.com/v1", DstackUrl.Resolve("http://localhost:3000", "http://gw.example.com/v1").AbsoluteUri);
    }

    [Fact]
    public void An_http_gateway_from_an_https_server_needs_AllowInsecureHttp()
    {
        var options = new DstackUrlOptions { AllowInsecureHttp = true };

        Assert.Equal("http://gw.example.com/v1", DstackUrl.Resolve("https://dstack.example.com", "http://gw.example.com/v1", options).AbsoluteUri);
        Assert.False(DstackUrlOptions.Default.AllowInsecureHttp);
    }

    [Theory]
    [InlineData("/proxy/models/caf\u00e9/", "/proxy/models/caf%C3%A9/")]
    [InlineData("/proxy/models/my model/", "/proxy/models/my%20model/")]
    [InlineData("/proxy/\u65e5\u672c/v1", "/proxy/%E6%97%A5%E6%9C%AC/v1")]
    [InlineData("/proxy/\U0001F600", "/proxy/%F0%9F%98%80")]
    public void Percent_encodes_spaces_and_non_ascii_as_utf8(string baseUrl, string expectedPath)
    {
        var url = DstackUrl.Resolve("https://dstack.example.com", baseUrl);

        Assert.Equal("https://dstack.example.com" + expectedPath, url.AbsoluteUri);
    }
}
