namespace Dstack.UrlGen.Tests;

/// <summary>The server URL is checked first, always; null is the only argument error.</summary>
public class ServerUrlTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/relative/path")]
    [InlineData("dstack.example.com")]
    [InlineData("ftp://dstack.example.com")]
    [InlineData("file:///srv/dstack")]
    [InlineData("mailto:ops@example.com")]
    [InlineData("https://dstack.example.com/?project=main")]
    [InlineData("https://dstack.example.com/#top")]
    [InlineData("https://admin:pw@dstack.example.com")]
    [InlineData("https://@dstack.example.com")]
    public void A_bad_server_url_is_InvalidServerUrl(string server)
    {
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, "/proxy/models/main/"));

        Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
        Assert.Equal("/proxy/models/main/", ex.BaseUrl);
        Assert.Contains("dstack server URL", ex.Message);
        Assert.Contains("DSTACK_SERVER_URL", ex.Message);
        Assert.False(DstackUrl.TryResolve(server, "/proxy/models/main/", out var url, out var error));
        Assert.Null(url);
        Assert.Equal(DstackUrlError.InvalidServerUrl, error);
    }

    [Theory]
    [InlineData("/relative/path", UriKind.Relative)]
    [InlineData("ftp://dstack.example.com", UriKind.Absolute)]
    [InlineData("file:///srv/dstack", UriKind.Absolute)]
    [InlineData("https://dstack.example.com/?project=main", UriKind.Absolute)]
    [InlineData("https://dstack.example.com/#top", UriKind.Absolute)]
    [InlineData("https://admin:pw@dstack.example.com", UriKind.Absolute)]
    public void A_bad_server_uri_is_InvalidServerUrl(string server, UriKind kind)
    {
        var serverUri = new Uri(server, kind);

        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(serverUri, "/proxy/models/main/"));

        Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
        Assert.False(DstackUrl.TryResolve(serverUri, "/proxy/models/main/", out var url, out var error));
        Assert.Null(url);
        Assert.Equal(DstackUrlError.InvalidServerUrl, error);
    }

    [Theory]
    [InlineData("ftp://dstack.example.com", null)]
    [InlineData("ftp://dstack.example.com", "")]
    [InlineData("ftp://dstack.example.com", "//evil.com")]
    [InlineData("https://dstack.example.com/?q", "\\\\evil.com")]
    [InlineData("/relative", "javascript:alert(1)")]
    public void The_server_url_is_checked_before_the_base_url(string server, string? baseUrl)
    {
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, baseUrl!));

        Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
        Assert.Equal(baseUrl, ex.BaseUrl);
    }

    [Fact]
    public void A_server_uri_used_again_is_judged_the_same_every_time()
    {
        // Each server Uri is checked once and remembered; the answer must not change with the second call or the base_url.
        var good = new Uri("https://dstack.example.com/p/");
        var bad = new Uri("https://d\u00E4stack.example.com/p/");
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("https://dstack.example.com/p/v1", DstackUrl.Resolve(good, "/v1").AbsoluteUri);
            Assert.Equal(DstackUrlError.InsecureHttp, Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(good, "http://gw.example.com/")).Error);
            Assert.False(DstackUrl.TryResolve(bad, "/v1", out _, out var error));
            Assert.Equal(DstackUrlError.InvalidServerUrl, error);
            Assert.Equal(DstackUrlError.InvalidServerUrl, Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(bad, "https://gw.example.com/")).Error);
        }
    }

    [Fact]
    public void Many_server_uris_in_turn_each_keep_their_own_check()
    {
        // More server Uris than the resolver remembers slots for, so that many share one: each call must still be
        // judged by its own server (prefix, scheme, validity), on the first call and on a repeat in another order.
        var servers = Enumerable.Range(0, 1_000).Select(i => new Uri(
            i % 3 == 0 ? $"https://s{i}.example.com/p{i}" : i % 3 == 1 ? $"http://s{i}.example.com:{1000 + i}" : $"ftp://s{i}.example.com")).ToArray();
        foreach (var order in new[] { servers, servers.Reverse().ToArray(), servers, })
        {
            foreach (var server in order)
            {
                bool valid = server.Scheme != "ftp";
                Assert.Equal(valid, DstackUrl.TryResolve(server, "/v1", out var url, out var error));
                Assert.Equal(valid ? server.AbsoluteUri.TrimEnd('/') + "/v1" : null, url?.AbsoluteUri);
                Assert.Equal(!valid ? DstackUrlError.InvalidServerUrl : server.Scheme == "https" ? DstackUrlError.InsecureHttp : DstackUrlError.None,
                    DstackUrl.TryResolve(server, "http://gw.example.com/", out _, out error) ? DstackUrlError.None : error);
            }
        }
    }

    [Fact]
    public void The_message_quotes_the_server_url()
    {
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve("ftp://dstack.example.com", "/v1"));

        Assert.Contains("\"ftp://dstack.example.com\"", ex.Message);
    }

    [Fact]
    public void A_null_server_throws_ArgumentNullException_from_every_overload()
    {
        Assert.Equal("serverUrl", Assert.Throws<ArgumentNullException>(() => DstackUrl.Resolve((Uri)null!, "/v1")).ParamName);
        Assert.Equal("serverUrl", Assert.Throws<ArgumentNullException>(() => DstackUrl.Resolve((string)null!, "/v1")).ParamName);
        Assert.Equal("serverUrl", Assert.Throws<ArgumentNullException>(() => DstackUrl.TryResolve((Uri)null!, "/v1", out _, out _)).ParamName);
        Assert.Equal("serverUrl", Assert.Throws<ArgumentNullException>(() => DstackUrl.TryResolve((string)null!, "/v1", out _, out _)).ParamName);
    }

    [Fact]
    public void A_null_server_is_reported_even_with_a_null_base_url()
    {
        Assert.Throws<ArgumentNullException>(() => DstackUrl.Resolve((Uri)null!, null!));
    }
}
