namespace Dstack.UrlGen.Tests;

/// <summary>
/// When several rules apply, the error is the first of: Empty, ControlCharacter, Backslash, NetworkPath, the scheme
/// checks (UnsupportedScheme, UserInfo, InvalidHost, InsecureHttp), Fragment, DotSegment, EmptySegment.
/// </summary>
public class PrecedenceTests
{
    // The cases DESIGN.md names, then each rule against later ones.
    [Theory]
    [InlineData("\\\\evil.com\\x", DstackUrlError.Backslash)]
    [InlineData("https:/\\evil.com", DstackUrlError.Backslash)]
    [InlineData("///evil.com", DstackUrlError.NetworkPath)]
    [InlineData("https:///evil.com", DstackUrlError.InvalidHost)]
    [InlineData("//evil.com/\u0001", DstackUrlError.ControlCharacter)]
    [InlineData("\\\u0000", DstackUrlError.ControlCharacter)]
    [InlineData("javascript:\u007F", DstackUrlError.ControlCharacter)]
    [InlineData("//evil.com\\x", DstackUrlError.Backslash)]
    [InlineData("javascript:\\x", DstackUrlError.Backslash)]
    [InlineData("//evil.com/#x", DstackUrlError.NetworkPath)]
    [InlineData("//evil.com/../x", DstackUrlError.NetworkPath)]
    [InlineData("ftp://user:pw@evil.com/", DstackUrlError.UnsupportedScheme)]
    [InlineData("javascript://x/#y", DstackUrlError.UnsupportedScheme)]
    [InlineData("localhost:3000/../v1", DstackUrlError.UnsupportedScheme)]
    [InlineData("http://user@gw.example.com/", DstackUrlError.UserInfo)]
    [InlineData("https://user@/v1", DstackUrlError.UserInfo)]
    [InlineData("https://u@gw.example.com/../x#f", DstackUrlError.UserInfo)]
    [InlineData("http://bad host/", DstackUrlError.InvalidHost)]
    [InlineData("https://gw.example.com:99999/#f", DstackUrlError.InvalidHost)]
    [InlineData("http://gw.example.com/v1#f", DstackUrlError.InsecureHttp)]
    [InlineData("http://gw.example.com/../v1", DstackUrlError.InsecureHttp)]
    [InlineData("https://gw.example.com/../x#f", DstackUrlError.Fragment)]
    [InlineData("/a//b#f", DstackUrlError.Fragment)]
    [InlineData("/a//b/../c", DstackUrlError.DotSegment)]
    [InlineData("https://gw.example.com//a/./b", DstackUrlError.DotSegment)]
    public void The_first_applicable_rule_wins(string baseUrl, DstackUrlError expected)
    {
        Refusal.Assert(baseUrl, expected);
    }

    [Theory]
    [InlineData("/v1/?next=a//b")]
    [InlineData("/v1?next=../..")]
    [InlineData("/v1?u=a@b.com")]
    [InlineData("/proxy@evil.com/")]
    [InlineData("/proxy/models/main?x=javascript:alert(1)")]
    public void Query_and_at_sign_in_a_relative_path_are_ordinary(string baseUrl)
    {
        var url = DstackUrl.Resolve(Refusal.HttpsServer, baseUrl);

        Assert.Equal("dstack.example.com", url.Host);
        Assert.StartsWith("/some/prefix/", url.AbsolutePath, StringComparison.Ordinal);
    }
}
