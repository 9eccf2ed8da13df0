namespace Dstack.UrlGen.Tests;

/// <summary>dstack's own test cases for <c>make_proxy_url</c> and <c>concat_url_path</c>, read from the fixture file.</summary>
public class ProxyUrlCasesTests
{
    public static TheoryData<string, string, string, bool, DstackUrlError?> MakeProxyUrl()
    {
        var data = new TheoryData<string, string, string, bool, DstackUrlError?>();
        foreach (var c in ProxyUrlCases.MakeProxyUrlCases())
        {
            data.Add(c.ServerUrl, c.ProxyUrl, c.Expected, c.Options?.AllowInsecureHttp ?? false, c.WithoutOptions);
        }

        return data;
    }

    public static TheoryData<string, string, string> ConcatUrlPath()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var c in ProxyUrlCases.ConcatUrlPathCases())
        {
            data.Add(c.A, c.B, c.Expected);
        }

        return data;
    }

    [Fact]
    public void The_fixture_holds_the_cases_dstack_tests()
    {
        var makeProxyUrl = ProxyUrlCases.MakeProxyUrlCases();
        Assert.True(makeProxyUrl.Count >= 5, $"make_proxy_url has {makeProxyUrl.Count} cases");
        Assert.Contains(makeProxyUrl, c => c.Options is not null && c.WithoutOptions == DstackUrlError.InsecureHttp);
        Assert.True(ProxyUrlCases.ConcatUrlPathCases().Count >= 4);
    }

    [Theory]
    [MemberData(nameof(MakeProxyUrl))]
    public void Resolves_like_make_proxy_url(string server, string proxyUrl, string expected, bool allowInsecureHttp, DstackUrlError? withoutOptions)
    {
        var options = new DstackUrlOptions { AllowInsecureHttp = allowInsecureHttp };

        Assert.Equal(expected, DstackUrl.Resolve(server, proxyUrl, options).AbsoluteUri);
        Assert.Equal(expected, DstackUrl.Resolve(new Uri(server), proxyUrl, options).AbsoluteUri);

        if (withoutOptions is { } error)
        {
            var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, proxyUrl));
            Assert.Equal(error, ex.Error);
            Assert.Equal(proxyUrl, ex.BaseUrl);
            Assert.False(DstackUrl.TryResolve(new Uri(server), proxyUrl, out var url, out var tryError));
            Assert.Null(url);
            Assert.Equal(error, tryError);
        }
        else
        {
            Assert.Equal(expected, DstackUrl.Resolve(server, proxyUrl).AbsoluteUri);
        }
    }

    [Theory]
    [MemberData(nameof(ConcatUrlPath))]
    public void Joins_like_concat_url_path_with_a_server_whose_path_is_a(string a, string b, string expected)
    {
        var server = ProxyUrlCases.ConcatServerOrigin + a;

        var url = DstackUrl.Resolve(server, b);

        Assert.Equal(ProxyUrlCases.ConcatServerOrigin + expected, url.AbsoluteUri);
        Assert.Equal(expected, url.AbsolutePath);
    }
}
