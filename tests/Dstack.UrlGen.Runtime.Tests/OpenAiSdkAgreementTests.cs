using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// The OpenAI .NET SDK, given a result of <see cref="DstackUrl.Resolve(string, string, DstackUrlOptions?)"/> as its
/// endpoint, sends the chat completion to exactly <see cref="DstackUrl.ChatCompletions"/> of it. No network: the
/// transport records the request and answers it.
/// </summary>
public class OpenAiSdkAgreementTests
{
    public static TheoryData<string> ModelUrls()
    {
        var urls = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (server, baseUrl, _) in DesignTable.Rows())
        {
            urls.Add(DstackUrl.Resolve(server, baseUrl).AbsoluteUri);
        }

        foreach (var c in ProxyUrlCases.MakeProxyUrlCases())
        {
            urls.Add(DstackUrl.Resolve(c.ServerUrl, c.ProxyUrl, c.Options).AbsoluteUri);
        }

        foreach (var c in ProxyUrlCases.ConcatUrlPathCases())
        {
            urls.Add(DstackUrl.Resolve(ProxyUrlCases.ConcatServerOrigin + c.A, c.B).AbsoluteUri);
        }

        // Results of Resolve with a query, a port, IP literals and escaped characters.
        urls.Add(DstackUrl.Resolve("https://dstack.example.com", "https://qwen36.example.com/v1?api-version=x").AbsoluteUri);
        urls.Add(DstackUrl.Resolve("https://dstack.example.com/p/", "/proxy/services/main/qwen36/v1/?api-version=x").AbsoluteUri);
        urls.Add(DstackUrl.Resolve("http://127.0.0.1:3000", "/proxy/models/main/").AbsoluteUri);
        urls.Add(DstackUrl.Resolve("http://[::1]:3000", "/proxy/models/caf\u00e9 au lait/").AbsoluteUri);

        var data = new TheoryData<string>();
        foreach (var url in urls)
        {
            data.Add(url);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModelUrls))]
    public void The_sdk_sends_the_chat_completion_to_ChatCompletions_of_the_resolved_url(string modelUrl)
    {
        var endpoint = new Uri(modelUrl);
        var transport = new RecordingTransport();
        var client = new ChatClient("Qwen/Qwen3.6-27B", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = endpoint, Transport = transport });

        ChatCompletion completion = client.CompleteChat(new UserChatMessage("hi"));

        Assert.Equal(RecordingTransport.CannedContent, completion.Content[0].Text);
        var sent = Assert.Single(transport.RequestUris);
        Assert.Equal(DstackUrl.ChatCompletions(endpoint).AbsoluteUri, sent.AbsoluteUri);
    }

    [Fact]
    public void There_are_enough_model_urls_to_make_the_agreement_mean_something()
    {
        Assert.True(ModelUrls().Count >= 12, $"{ModelUrls().Count} model URLs");
    }
}
