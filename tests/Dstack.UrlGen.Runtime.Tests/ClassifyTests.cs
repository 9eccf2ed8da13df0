namespace Dstack.UrlGen.Tests;

/// <summary><see cref="DstackUrl.Classify"/> tells a gateway URL from a path on the server, and refuses what Resolve refuses.</summary>
public class ClassifyTests
{
    [Theory]
    [InlineData("https://qwen36.example.com/v1")]
    [InlineData("https://gateway.example.com")]
    [InlineData("http://gateway.example.com/v1")]
    [InlineData("HTTPS://GATEWAY.EXAMPLE.COM/")]
    [InlineData("  https://gateway.example.com/v1?api-version=x\n")]
    [InlineData("https://[2001:db8::1]:8443/v1")]
    public void An_absolute_http_url_is_Gateway(string baseUrl)
    {
        Assert.Equal(DstackUrlKind.Gateway, DstackUrl.Classify(baseUrl));
    }

    [Theory]
    [InlineData("/proxy/services/main/qwen36/v1")]
    [InlineData("/proxy/models/main/")]
    [InlineData("proxy/models/main")]
    [InlineData("/")]
    [InlineData("/proxy@evil.com/")]
    [InlineData("/v1/?next=a//b")]
    [InlineData(" /proxy/models/main/ ")]
    public void A_path_is_Server(string baseUrl)
    {
        Assert.Equal(DstackUrlKind.Server, DstackUrl.Classify(baseUrl));
    }

    [Theory]
    [InlineData(null, DstackUrlError.Empty)]
    [InlineData("", DstackUrlError.Empty)]
    [InlineData(" \t", DstackUrlError.Empty)]
    [InlineData("javascript:alert(1)", DstackUrlError.UnsupportedScheme)]
    [InlineData("localhost:3000/v1", DstackUrlError.UnsupportedScheme)]
    [InlineData("https:foo", DstackUrlError.UnsupportedScheme)]
    [InlineData("//evil.com", DstackUrlError.NetworkPath)]
    [InlineData("\\\\evil.com\\x", DstackUrlError.Backslash)]
    [InlineData("/a\u0000", DstackUrlError.ControlCharacter)]
    [InlineData("https://trusted.com@evil.com/", DstackUrlError.UserInfo)]
    [InlineData("https:///evil.com", DstackUrlError.InvalidHost)]
    [InlineData("https://gw..example.com/", DstackUrlError.InvalidHost)]
    [InlineData("/proxy/../admin", DstackUrlError.DotSegment)]
    [InlineData("/proxy//models", DstackUrlError.EmptySegment)]
    [InlineData("/proxy#x", DstackUrlError.Fragment)]
    public void Invalid_input_is_a_DstackUrlException(string? baseUrl, DstackUrlError expected)
    {
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Classify(baseUrl!));

        Assert.Equal(expected, ex.Error);
        Assert.Equal(baseUrl, ex.BaseUrl);
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Http_is_a_gateway_whatever_the_server_because_Classify_knows_no_server()
    {
        Assert.Equal(DstackUrlKind.Gateway, DstackUrl.Classify("http://gw.example.com/v1"));
        Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve("https://dstack.example.com", "http://gw.example.com/v1"));
    }
}
