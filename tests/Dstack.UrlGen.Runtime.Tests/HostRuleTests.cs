namespace Dstack.UrlGen.Tests;

/// <summary>
/// A host must be ASCII, for a gateway URL and for the server URL alike (docs/resolver.md, "Hosts"): a Unicode host is
/// read as a different DNS name by different clients (ß, ς, ZWJ and ZWNJ are deviations between IDNA 2003, IDNA 2008
/// and UTS 46; ẞ, ㉐ and capitals have mappings that some clients apply and others do not), so a URL that leaves the
/// resolver could mean one host to the code that checks it and another to the code that sends it.
/// </summary>
public class HostRuleTests
{
    [Theory]
    [InlineData("https://fa\u00DF.de/", "fa\u00DF.de")]                       // ß: xn--fa-hia.de to .NET and WHATWG, fass.de to Python
    [InlineData("https://fa\u1E9E.de/", "fa\u1E9E.de")]                       // ẞ: fass.de to .NET, WHATWG and curl, xn--fa-hia.de to urllib3
    [InlineData("https://\u3250.com/", "\u3250.com")]                         // ㉐: pte.com to .NET and WHATWG, xn--mok.com to Python
    [InlineData("https://STRA\u1E9EE.example/", "STRA\u1E9EE.example")]       // lower-cased by .NET to straße.example
    [InlineData("https://\u03C2.example/v1", "\u03C2.example")]                // final sigma
    [InlineData("https://a\u200Db.example/v1", "a\u200Db.example")]           // ZERO WIDTH JOINER
    [InlineData("https://a\u200Cb.example/v1", "a\u200Cb.example")]           // ZERO WIDTH NON-JOINER
    [InlineData("https://ex\u00E4mple.com/v1", "ex\u00E4mple.com")]
    [InlineData("https://\u65E5\u672C.example:8443/v1", "\u65E5\u672C.example:8443")]
    public void A_non_ascii_gateway_host_is_InvalidHost_with_advice(string baseUrl, string authority)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.InvalidHost);

        Assert.Contains($"no valid host or port (\"{authority}\")", ex.Message);
        Assert.Contains("ASCII", ex.Message);
        Assert.Contains("xn--", ex.Message);
        Assert.Throws<DstackUrlException>(() => DstackUrl.Classify(baseUrl));
    }

    [Theory]
    [InlineData("https://d\u00E4stack.example.com")]
    [InlineData("https://fa\u00DF.de/dstack")]
    [InlineData("https://\u3250.com")]
    [InlineData("https://dstack.\u65E5\u672C:3000/")]
    [InlineData("https://dstack\u2028example.com")]   // before: accepted, and the result's IdnHost threw UriFormatException
    [InlineData("https://\uFEFF.example.com")]        // the same
    [InlineData("https://dstack\u3000example.com")]   // before: accepted, with the IdnHost "dstack example.com"
    public void A_non_ascii_server_host_is_InvalidServerUrl_with_advice(string server)
    {
        foreach (var baseUrl in new[] { "/proxy/models/main/", "https://gw.example.com/v1" })
        {
            var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(server, baseUrl));
            Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
            Assert.Contains("ASCII", ex.Message);
            Assert.Contains("xn--", ex.Message);

            Assert.Equal(DstackUrlError.InvalidServerUrl, Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve(new Uri(server), baseUrl)).Error);
            Assert.False(DstackUrl.TryResolve(new Uri(server), baseUrl, out var url, out var error));
            Assert.Null(url);
            Assert.Equal(DstackUrlError.InvalidServerUrl, error);
        }
    }

    [Theory]
    [InlineData("https://0x7f.1")]              // .NET reads 127.0.0.1 into AbsoluteUri, so this one is fine ...
    [InlineData("https://xn--fa-hia.de/dstack")] // ... and so is an IDN written in punycode
    [InlineData("https://[::1]:3000")]
    public void An_ascii_server_host_is_accepted(string server)
    {
        var url = DstackUrl.Resolve(server, "/proxy/models/main/");

        Assert.Equal(new Uri(server).IdnHost, url.IdnHost);
        Assert.DoesNotContain(url.AbsoluteUri, c => c > '\u007E');
    }

    [Theory]
    [InlineData("https://" + "a234567890123456789012345678901234567890123456789012345678901234.example/", "label of 64")]
    [InlineData("https://-gw.example.com/", "leading hyphen")]
    [InlineData("https://gw-.example.com/", "trailing hyphen")]
    [InlineData("https://.gw.example.com/", "empty first label")]
    [InlineData("https://gw.example.com../", "two trailing dots")]
    public void A_host_that_is_no_dns_name_is_InvalidHost(string baseUrl, string why)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.InvalidHost);

        Assert.True(ex.Message.Contains("no valid host or port", StringComparison.Ordinal), why);
    }

    [Theory]
    [InlineData("https://xn--fa-hia.de/v1", "xn--fa-hia.de")]
    [InlineData("https://XN--FA-HIA.DE/v1", "xn--fa-hia.de")]
    [InlineData("https://a23456789012345678901234567890123456789012345678901234567890123.example/", "a23456789012345678901234567890123456789012345678901234567890123.example")]
    public void An_ascii_or_punycode_gateway_host_is_accepted_and_every_string_form_is_ascii(string baseUrl, string host)
    {
        var url = DstackUrl.Resolve(Refusal.HttpsServer, baseUrl);

        Assert.Equal(host, url.IdnHost);
        Assert.Equal(host, url.Host);
        foreach (var form in new[] { url.AbsoluteUri, url.OriginalString, url.ToString() })
        {
            Assert.DoesNotContain(form, c => c > '\u007E');
        }
    }
}
