using System.ClientModel;
using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Dstack.UrlGen.Hosting.Tests;

public sealed class ModelHandlerTests
{
    [Theory]
    [InlineData("https://h.example.com/v1", "chat/completions", "https://h.example.com/v1/chat/completions")]
    [InlineData("https://h.example.com/v1/", "chat/completions", "https://h.example.com/v1/chat/completions")]
    [InlineData("https://gateway.example.com/", "chat/completions", "https://gateway.example.com/chat/completions")]
    [InlineData("https://h.example.com/v1?api-version=x", "chat/completions", "https://h.example.com/v1/chat/completions?api-version=x")]
    [InlineData("https://h.example.com/v1?api-version=x", "models?limit=2", "https://h.example.com/v1/models?api-version=x&limit=2")]
    [InlineData("http://127.0.0.1:3000/some/prefix/proxy/models/main/", "chat/completions", "http://127.0.0.1:3000/some/prefix/proxy/models/main/chat/completions")]
    [InlineData("https://h.example.com/p%20q/v1", "chat/completions", "https://h.example.com/p%20q/v1/chat/completions")]
    public void The_request_path_is_joined_to_the_endpoint_as_the_OpenAI_SDK_would(string endpoint, string relative, string expected)
        => Assert.Equal(expected, DstackModelHandler.Target(new Uri(endpoint), relative).AbsoluteUri);

    [Theory]
    [InlineData("https://h.example.com/v1")]
    [InlineData("http://127.0.0.1:3000/proxy/models/main/")]
    public void The_join_agrees_with_DstackUrl_ChatCompletions(string endpoint)
        => Assert.Equal(DstackUrl.ChatCompletions(new Uri(endpoint)), DstackModelHandler.Target(new Uri(endpoint), "chat/completions"));

    [Fact]
    public async Task A_declared_base_url_is_called_without_asking_the_server_and_never_followed()
    {
        await using var server = await FakeDstackServer.StartAsync();
        await using var replica = await ModelBackend.StartAsync("the declared replica");
        server.Proxy = replica.HandleAsync;
        var declared = new DstackModelInfo("meta-llama/Meta-Llama-3.1-8B-Instruct", null, null, "/proxy/models/main/", "Contoso.Models.LlamaSmall");
        using var host = TestHost.Build(TestHost.SettingsFor(server), d => d.AddModel(declared));
        var chat = host.Services.GetRequiredKeyedService<IChatClient>("LlamaSmall");

        Assert.Equal(replica.Reply(declared.ModelName), (await chat.GetResponseAsync("hi")).Text);
        Assert.Equal("/proxy/models/main/chat/completions", Assert.Single(replica.Requests).Path);

        replica.Status = 503;
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => chat.GetResponseAsync("hi"));
        Assert.Equal(503, ex.Status);
        Assert.Equal(0, server.RequestCount);
    }
}
