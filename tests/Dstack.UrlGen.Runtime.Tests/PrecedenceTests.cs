namespace Dstack.UrlGen.Tests;

/// <summary>
/// When several rules apply, the error is the first of: Empty, TooLong (of the whole input), ControlCharacter, Backslash,
/// NetworkPath, the scheme checks (UnsupportedScheme, UserInfo, InvalidHost or TooLong of the host, InsecureHttp), Fragment,
/// DotSegment, EncodedSeparator, EmptySegment.
/// </summary>
public class PrecedenceTests
{
    // The cases docs/resolver.md names, then each rule against later ones.
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
    [InlineData("/a%2F/../b", DstackUrlError.DotSegment)]
    [InlineData("/a%2F#f", DstackUrlError.Fragment)]
    [InlineData("/a//b%5C", DstackUrlError.EncodedSeparator)]
    [InlineData("https://a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.com/../#f", DstackUrlError.TooLong)]
    public void The_first_applicable_rule_wins(string baseUrl, DstackUrlError expected)
    {
        Refusal.Assert(baseUrl, expected);
    }

    [Fact]
    public void The_length_of_the_whole_input_is_checked_before_anything_else_but_Empty()
    {
        Refusal.Assert("//evil.com\\\u0000/" + new string('a', 3000), DstackUrlError.TooLong);
        Refusal.Assert(new string(' ', 3000), DstackUrlError.Empty);
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
