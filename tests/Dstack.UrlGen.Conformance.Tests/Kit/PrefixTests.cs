using OpenAI.Chat;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>A dstack server under a path prefix (a YARP reverse proxy that strips it): the API and the model calls keep the prefix.</summary>
[Collection(ServerCollection.Name)]
public sealed class PrefixTests
{
    private readonly ServerFixture _server;

    public PrefixTests(ServerFixture server) => _server = server;

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    public async Task A_server_url_with_a_path_prefix_is_kept_from_the_API_to_the_chat(string trailing)
    {
        await using var proxy = await PrefixProxy.StartAsync(_server.ServerUrl);
        var serverUrl = new Uri(proxy.Origin.AbsoluteUri.TrimEnd('/') + PrefixProxy.Prefix + trailing);
        using var counted = _server.CreateClient(serverUrl: serverUrl);

        var listed = await counted.Client.ListModelsAsync();
        var endpoint = await ChatByRun.GetEndpointAsync(counted.Client);
        ChatClient chat = await ChatByRun.CreateChatClientAsync(counted.Client);
        var completion = await chat.CompleteChatAsync("Say hello.");

        string expected = proxy.Origin.AbsoluteUri.TrimEnd('/') + PrefixProxy.Prefix + "/proxy/services/main/conf-chat/v1";
        Assert.Equal(expected, endpoint.Url.AbsoluteUri);
        Assert.Contains(endpoint, listed);
        Assert.All(counted.Requests, path => Assert.StartsWith(PrefixProxy.Prefix + "/api/", path));
        Assert.Equal(FakeModelServer.Reply(KitRuns.ChatModel), completion.Value.Content[0].Text);
    }
}
