namespace Dstack.UrlGen.Tests;

/// <summary><see cref="DstackUrl.ChatCompletions"/>: one trailing slash removed, <c>/chat/completions</c> appended, the query kept.</summary>
public class ChatCompletionsTests
{
    [Theory]
    [InlineData("https://qwen36.example.com/v1", "https://qwen36.example.com/v1/chat/completions")]
    [InlineData("https://qwen36.example.com/v1/", "https://qwen36.example.com/v1/chat/completions")]
    [InlineData("https://gateway.example.com", "https://gateway.example.com/chat/completions")]
    [InlineData("https://gateway.example.com/", "https://gateway.example.com/chat/completions")]
    [InlineData("http://localhost:3000/proxy/models/main/", "http://localhost:3000/proxy/models/main/chat/completions")]
    [InlineData("http://localhost:3000/proxy/services/main/qwen36/v1", "http://localhost:3000/proxy/services/main/qwen36/v1/chat/completions")]
    [InlineData("https://h.example.com/a//", "https://h.example.com/a//chat/completions")]
    [InlineData("https://h.example.com/caf%C3%A9/", "https://h.example.com/caf%C3%A9/chat/completions")]
    public void Appends_chat_completions_after_one_trailing_slash_is_removed(string modelUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.ChatCompletions(new Uri(modelUrl)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://qwen36.example.com/v1?api-version=x", "https://qwen36.example.com/v1/chat/completions?api-version=x")]
    [InlineData("https://qwen36.example.com/v1/?api-version=x", "https://qwen36.example.com/v1/chat/completions?api-version=x")]
    [InlineData("https://qwen36.example.com?a=1&b=/x/", "https://qwen36.example.com/chat/completions?a=1&b=/x/")]
    [InlineData("https://qwen36.example.com/v1?", "https://qwen36.example.com/v1/chat/completions?")]
    public void Keeps_the_query_after_the_new_path(string modelUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.ChatCompletions(new Uri(modelUrl)).AbsoluteUri);
    }

    [Fact]
    public void Works_on_the_result_of_Resolve()
    {
        var model = DstackUrl.Resolve("https://dstack.example.com/some/prefix", "/proxy/models/main/");

        Assert.Equal("https://dstack.example.com/some/prefix/proxy/models/main/chat/completions", DstackUrl.ChatCompletions(model).AbsoluteUri);
    }

    [Fact]
    public void The_message_never_repeats_a_password()
    {
        var ex = Assert.Throws<ArgumentException>(() => DstackUrl.ChatCompletions(new Uri("https://alice:hunter2@qwen36.example.com/v1#x")));

        Assert.DoesNotContain("hunter2", ex.Message);
        Assert.Contains("\"https://***@qwen36.example.com/v1#x\"", ex.Message);
    }

    [Fact]
    public void Null_is_an_ArgumentNullException()
    {
        Assert.Equal("modelUrl", Assert.Throws<ArgumentNullException>(() => DstackUrl.ChatCompletions(null!)).ParamName);
    }

    [Theory]
    [InlineData("/proxy/models/main/", UriKind.Relative, "not an absolute http(s) URL")]
    [InlineData("ftp://models.example.com/v1", UriKind.Absolute, "not an absolute http(s) URL")]
    [InlineData("file:///proxy/models/main/", UriKind.Absolute, "not an absolute http(s) URL")]
    [InlineData("https://qwen36.example.com/v1#frag", UriKind.Absolute, "has a fragment")]
    public void A_url_that_is_no_model_url_is_an_ArgumentException(string modelUrl, UriKind kind, string reason)
    {
        var ex = Assert.Throws<ArgumentException>(() => DstackUrl.ChatCompletions(new Uri(modelUrl, kind)));

        Assert.Equal("modelUrl", ex.ParamName);
        Assert.Contains($"\"{modelUrl}\"", ex.Message);
        Assert.Contains(reason, ex.Message);
        Assert.Contains("DstackUrl.Resolve", ex.Message);
    }
}
