namespace Dstack.UrlGen.Tests;

/// <summary>
/// The safety table of docs/resolver.md: each input fails with its <see cref="DstackUrlError"/>, the exception keeps the raw input,
/// and the message quotes the input and says what to do.
/// </summary>
public class ResolveErrorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n\f ")]
    public void Empty_or_white_space_is_Empty(string baseUrl)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.Empty);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains("empty or only white space", ex.Message);
        Assert.Contains("service.model.base_url", ex.Message);
    }

    [Fact]
    public void Null_is_Empty_and_a_DstackUrlException()
    {
        var ex = Refusal.Assert(null, DstackUrlError.Empty);

        Assert.Null(ex.BaseUrl);
        Assert.Contains("is null", ex.Message);
        Assert.Contains("service.model.base_url", ex.Message);
    }

    [Theory]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://models.example.com/v1", "ftp")]
    [InlineData("data:text/plain,x", "data")]
    [InlineData("ws://gateway.example.com/v1", "ws")]
    public void Another_scheme_is_UnsupportedScheme(string baseUrl, string scheme)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.UnsupportedScheme);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"the scheme \"{scheme}\"", ex.Message);
        Assert.Contains("only http and https", ex.Message);
    }

    [Theory]
    [InlineData("https:foo", "https://host/path")]
    [InlineData("http:evil.com", "http://host/path")]
    [InlineData("https:/evil.com", "https://host/path")]
    [InlineData("HTTPS:foo", "https://host/path")]
    public void Http_without_double_slash_is_UnsupportedScheme(string baseUrl, string advice)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.UnsupportedScheme);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains(advice, ex.Message);
    }

    [Theory]
    [InlineData("localhost:3000/v1", "http://localhost:3000/v1")]
    [InlineData("127.0.0.1:3000/v1", "http://127.0.0.1:3000/v1")]
    [InlineData("gateway.example.com:8080", "http://gateway.example.com:8080")]
    [InlineData(" qwen36:8000/v1?x=1 ", "http://qwen36:8000/v1?x=1")]
    public void Host_and_port_without_a_scheme_is_UnsupportedScheme_with_an_http_suggestion(string baseUrl, string suggestion)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.UnsupportedScheme);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"did you mean \"{suggestion}\"", ex.Message);
    }

    [Fact]
    public void A_relative_path_whose_first_segment_holds_a_colon_is_UnsupportedScheme()
    {
        var ex = Refusal.Assert("main:latest/v1", DstackUrlError.UnsupportedScheme);

        Assert.Contains("\"main:latest/v1\"", ex.Message);
    }

    [Theory]
    [InlineData("//evil.com/v1")]
    [InlineData("///evil.com")]
    [InlineData("  //evil.com")]
    [InlineData("//")]
    public void A_network_path_is_NetworkPath(string baseUrl)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.NetworkPath);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains("starts with \"//\"", ex.Message);
        Assert.Contains("one leading \"/\"", ex.Message);
    }

    [Theory]
    [InlineData("\\\\evil.com\\x", 0)]
    [InlineData("https:/\\evil.com", 7)]
    [InlineData("/proxy\\models/main", 6)]
    [InlineData("https://gw.example.com\\@evil.com/", 22)]
    [InlineData("https://gw.example.com/v1\\", 25)]
    public void A_backslash_anywhere_is_Backslash(string baseUrl, int position)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.Backslash);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"backslash at position {position}", ex.Message);
        Assert.Contains("Use \"/\"", ex.Message);
    }

    [Theory]
    [InlineData("/a\u0000b", 0x00, 2)]
    [InlineData("/a\u0001b", 0x01, 2)]
    [InlineData("/a\u001Fb", 0x1F, 2)]
    [InlineData("/a\u007Fb", 0x7F, 2)]
    [InlineData("/a\u0080b", 0x80, 2)]
    [InlineData("/a\u0085b", 0x85, 2)]
    [InlineData("/a\u009Fb", 0x9F, 2)]
    [InlineData("/proxy/models/\tmain/", 0x09, 14)]
    [InlineData("/proxy/models/main/\n/v1", 0x0A, 19)]
    [InlineData("https://gw.example.com/v1\r\nHost: evil.com", 0x0D, 25)]
    [InlineData("\u000B/proxy/models/main/", 0x0B, 0)]
    [InlineData("\u0000 /proxy/models/main/", 0x00, 0)]
    [InlineData("/proxy/models/main/\u0085", 0x85, 19)]
    public void A_control_character_inside_is_ControlCharacter(string baseUrl, int code, int position)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.ControlCharacter);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"U+{code:X4} at position {position}", ex.Message);
        Assert.Contains("Remove it", ex.Message);
        Assert.DoesNotContain((char)code, ex.Message);
    }

    [Theory]
    [InlineData("https://trusted.com@evil.com/", "\"https://***@evil.com/\"")]
    [InlineData("https://@gw.example.com/", "\"https://@gw.example.com/\"")]
    [InlineData("https://:@gw.example.com/", "\"https://***@gw.example.com/\"")]
    [InlineData("http://a@b@gw.example.com/", "\"http://***@gw.example.com/\"")]
    public void User_info_is_UserInfo_and_quoted_masked(string baseUrl, string quoted)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.UserInfo, options: new DstackUrlOptions { AllowInsecureHttp = true });

        Assert.Contains(quoted, ex.Message);
        Assert.Contains("Remove the user info", ex.Message);
    }

    [Theory]
    [InlineData("https://alice:hunter2@gw.example.com/v1", "hunter2")]
    [InlineData("https://alice:hunter2@gw.example.com/v1#frag", "hunter2")]
    [InlineData("https://:p%40ss@gw.example.com", "p%40ss")]
    [InlineData("https://token-abc123@gw.example.com/", "token-abc123")]
    public void A_message_never_repeats_a_password(string baseUrl, string secret)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.UserInfo);

        Assert.DoesNotContain(secret, ex.Message);
        Assert.Contains("gw.example.com", ex.Message);
        Assert.Equal(baseUrl, ex.BaseUrl);
    }

    [Theory]
    [InlineData("https:/\\alice:hunter2@evil.com/", DstackUrlError.Backslash)]
    [InlineData("https:alice:hunter2@evil.com/", DstackUrlError.UnsupportedScheme)]
    [InlineData("//alice:hunter2@evil.com/", DstackUrlError.NetworkPath)]
    [InlineData("\\\\alice:hunter2@evil.com/", DstackUrlError.Backslash)]
    [InlineData(" ftp://alice:hunter2@evil.com/", DstackUrlError.UnsupportedScheme)]
    [InlineData("https://alice:hunter2@evil.com/\u0000", DstackUrlError.ControlCharacter)]
    public void A_message_never_repeats_a_password_that_some_parser_would_read(string baseUrl, DstackUrlError error)
    {
        var ex = Refusal.Assert(baseUrl, error);

        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.Contains("***@evil.com", ex.Message);
    }

    [Fact]
    public void A_message_never_repeats_the_server_password()
    {
        var ex = Assert.Throws<DstackUrlException>(() => DstackUrl.Resolve("https://admin:s3cret@dstack.example.com", "/proxy/models/main/"));

        Assert.Equal(DstackUrlError.InvalidServerUrl, ex.Error);
        Assert.DoesNotContain("s3cret", ex.Message);
        Assert.Contains("dstack.example.com", ex.Message);
    }

    [Theory]
    [InlineData("https:///evil.com")]
    [InlineData("https://")]
    [InlineData("https://?x=1")]
    [InlineData("https://gw.example.com:99999/v1")]
    [InlineData("https://gw.example.com:abc/v1")]
    [InlineData("https://gw.example.com:/v1")]
    [InlineData("https://[::1/v1")]
    [InlineData("https://[evil.com]/v1")]
    [InlineData("https://gw example.com/v1")]
    [InlineData("https://gw%2eexample.com/v1")]
    [InlineData("https://gw.example.com:-1/")]
    public void A_bad_host_or_port_is_InvalidHost(string baseUrl)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.InvalidHost);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains("no valid host or port", ex.Message);
        Assert.Contains("https://qwen36.example.com/v1", ex.Message);
    }

    [Theory]
    [InlineData("https://gw..example.com/v1", "gw..example.com")]
    [InlineData("https://gw.example.com\u3000/v1", "gw.example.com\u3000")]
    [InlineData("https://gw\u00A0example.com/v1", "gw\u00A0example.com")]
    [InlineData("https://\uFEFF/v1", "\uFEFF")]
    [InlineData("https://gw\u2028example.com:8443?x", "gw\u2028example.com:8443")]
    [InlineData("https://xn--/v1", "xn--")]
    [InlineData("https://a.b.c.xn--pokxncvks/", "a.b.c.xn--pokxncvks")]
    [InlineData("https://1.2.3.4.5/", "1.2.3.4.5")]
    [InlineData("https://256.256.256.256/", "256.256.256.256")]
    [InlineData("https://0x7f.1/", "0x7f.1")]
    [InlineData("https://010.0.0.1/", "010.0.0.1")]
    [InlineData("https://1.2.3/", "1.2.3")]
    [InlineData("https://4294967296/", "4294967296")]
    [InlineData("https://0x100000000/v1", "0x100000000")]
    [InlineData("https://2130706433:8000", "2130706433:8000")]
    [InlineData("https://127.0.0.1./", "127.0.0.1.")]
    [InlineData("https://gw.example.0x10/", "gw.example.0x10")]
    [InlineData("https://\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11/", "\uFF11\uFF12\uFF17.\uFF10.\uFF10.\uFF11")]
    public void A_host_that_parsers_read_differently_is_InvalidHost_naming_the_authority(string baseUrl, string authority)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.InvalidHost);

        Assert.Contains($"no valid host or port (\"{authority}\")", ex.Message);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8000/v1", "127.0.0.1")]
    [InlineData("https://10.0.0.255/v1", "10.0.0.255")]
    [InlineData("https://xn--exmple-cua.com/v1", "xn--exmple-cua.com")]
    [InlineData("https://gw.example.com./v1", "gw.example.com.")]
    [InlineData("https://gw_1.example.com/v1", "gw_1.example.com")]
    [InlineData("https://v1.example/v1", "v1.example")]
    public void A_plain_host_is_accepted(string baseUrl, string idnHost)
    {
        Assert.Equal(idnHost, DstackUrl.Resolve(Refusal.HttpsServer, baseUrl).IdnHost);
    }

    [Theory]
    [InlineData("http://gw.example.com/v1")]
    [InlineData("HTTP://GW.EXAMPLE.COM")]
    public void Http_from_an_https_server_is_InsecureHttp(string baseUrl)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.InsecureHttp);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains("\"" + Refusal.HttpsServer + "\"", ex.Message);
        Assert.Contains("AllowInsecureHttp", ex.Message);
        Assert.NotNull(DstackUrl.Resolve(Refusal.HttpsServer, baseUrl, new DstackUrlOptions { AllowInsecureHttp = true }));
    }

    [Theory]
    [InlineData("/proxy/models/main/#section", "#section")]
    [InlineData("https://gw.example.com/v1#x", "#x")]
    [InlineData("/v1?x=1#", "#")]
    [InlineData("#", "#")]
    public void A_fragment_is_Fragment(string baseUrl, string fragment)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.Fragment);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"fragment (\"{fragment}\")", ex.Message);
        Assert.Contains("Remove everything from \"#\" on", ex.Message);
    }

    [Theory]
    [InlineData("/proxy/../admin", "..")]
    [InlineData("/proxy/./models", ".")]
    [InlineData("/proxy/models/..", "..")]
    [InlineData("..", "..")]
    [InlineData(".", ".")]
    [InlineData("./v1", ".")]
    [InlineData("/a/%2e%2e/b", "%2e%2e")]
    [InlineData("/a/%2E%2e/b", "%2E%2e")]
    [InlineData("/a/.%2E/b", ".%2E")]
    [InlineData("/a/%2e./b", "%2e.")]
    [InlineData("/a/%2e", "%2e")]
    [InlineData("https://gw.example.com/../v1", "..")]
    [InlineData("https://gw.example.com/v1/%2E%2E?x=1", "%2E%2E")]
    [InlineData("/proxy/..;/api", "..;")]
    [InlineData("/proxy/..;jsessionid=x/api", "..;jsessionid=x")]
    [InlineData("/proxy/.;/api", ".;")]
    [InlineData("/proxy/%2e%2e;/api", "%2e%2e;")]
    [InlineData("https://gw.example.com/v1/..;/admin", "..;")]
    public void A_dot_segment_is_DotSegment(string baseUrl, string segment)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.DotSegment);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"dot segment \"{segment}\"", ex.Message);
        Assert.Contains("without \".\" or \"..\" segments", ex.Message);
    }

    [Theory]
    [InlineData("/proxy/..%2F..%2Fapi", "%2F", 9)]
    [InlineData("/proxy/..%5c..%5capi", "%5c", 9)]
    [InlineData("/%2e%2e%2fapi", "%2f", 7)]
    [InlineData("/proxy/a%2Fb", "%2F", 8)]
    [InlineData("/proxy/%5C", "%5C", 7)]
    [InlineData("/proxy/%252e%252e%252fapi", "%25", 7)]
    [InlineData("https://gw.example.com/v1%2F..%2Fadmin", "%2F", 25)]
    public void An_encoded_separator_in_the_path_is_EncodedSeparator(string baseUrl, string escape, int position)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.EncodedSeparator);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"\"{escape}\" at position {position}", ex.Message);
        Assert.Contains("decode", ex.Message);
    }

    [Theory]
    [InlineData("/v1?next=%2F..%2Fadmin")]
    [InlineData("/proxy/a%20b/%41")]
    [InlineData("/proxy/a;b/v1")]
    public void An_escape_that_is_no_separator_and_the_query_are_fine(string baseUrl)
    {
        Assert.Equal(DstackUrlKind.Server, DstackUrl.Classify(baseUrl));
        Assert.StartsWith(Refusal.HttpsServer + "/", DstackUrl.Resolve(Refusal.HttpsServer, baseUrl).AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/proxy//models/main", 6)]
    [InlineData("/proxy/models/main//", 18)]
    [InlineData("proxy//models", 5)]
    [InlineData("https://gw.example.com//v1", 22)]
    [InlineData("https://gw.example.com/v1//chat?x=1", 25)]
    public void An_empty_segment_is_EmptySegment(string baseUrl, int position)
    {
        var ex = Refusal.Assert(baseUrl, DstackUrlError.EmptySegment);

        Assert.Contains(Refusal.Quoted(baseUrl), ex.Message);
        Assert.Contains($"(\"//\") at position {position}", ex.Message);
        Assert.Contains("Remove the doubled \"/\"", ex.Message);
    }

    [Fact]
    public void A_long_input_is_quoted_shortened_with_its_length()
    {
        var baseUrl = "javascript:" + new string('a', 1000);

        var ex = Refusal.Assert(baseUrl, DstackUrlError.UnsupportedScheme);

        Assert.Contains("(1011 characters)", ex.Message);
        Assert.True(ex.Message.Length < 800, ex.Message);
    }

    [Fact]
    public void The_exception_is_a_FormatException()
    {
        var ex = Refusal.Assert("//evil.com", DstackUrlError.NetworkPath);

        Assert.IsAssignableFrom<FormatException>(ex);
    }
}
