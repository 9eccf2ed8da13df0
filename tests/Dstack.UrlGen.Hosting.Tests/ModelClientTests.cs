using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenAI.Chat;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>Two models answer through keyed clients: one behind dstack-server's proxy, one behind a gateway, both on Kestrel.</summary>
public sealed class ModelClientTests : IAsyncLifetime
{
    private FakeDstackServer _server = null!;
    private ModelBackend _proxyReplica = null!;
    private ModelBackend _gateway = null!;
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeDstackServer.StartAsync("/prefix");
        _proxyReplica = await ModelBackend.StartAsync("the proxied replica");
        _gateway = await ModelBackend.StartAsync("the gateway");
        _server.Proxy = _proxyReplica.HandleAsync;
        TestHost.Serve(_server, "llama31-gw", _gateway);
        _host = TestHost.Build(TestHost.SettingsFor(_server), d => d.AddModel(TestHost.Qwen).AddModel(TestHost.Llama));
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _gateway.DisposeAsync();
        await _proxyReplica.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Both_keyed_IChatClients_answer_from_their_own_endpoint()
    {
        var qwen = _host.Services.GetRequiredKeyedService<IChatClient>("qwen36");
        var llama = _host.Services.GetRequiredKeyedService<IChatClient>("Llama");

        Assert.Equal(_proxyReplica.Reply("Qwen/Qwen3.6-27B"), (await qwen.GetResponseAsync("hello")).Text);
        Assert.Equal(_gateway.Reply("meta-llama/Meta-Llama-3.1-70B-Instruct"), (await llama.GetResponseAsync("hello")).Text);

        var toProxy = Assert.Single(_proxyReplica.Requests);
        Assert.Equal("/prefix/proxy/services/main/qwen36/v1/chat/completions", toProxy.Path);
        Assert.Equal("Bearer " + FakeDstackServer.Token, toProxy.Authorization);
        Assert.Equal("Qwen/Qwen3.6-27B", toProxy.Json!["model"]!.GetValue<string>());
        var toGateway = Assert.Single(_gateway.Requests);
        Assert.Equal("/v1/chat/completions", toGateway.Path);
        Assert.Equal("Bearer " + FakeDstackServer.Token, toGateway.Authorization);

        // One runs/get per model; the second call of a model is served from the client's cache.
        await qwen.GetResponseAsync("again");
        Assert.Equal(1, TestHost.Lookups(_server, "qwen36"));
        Assert.Equal(1, TestHost.Lookups(_server, "llama31-gw"));
    }

    [Fact]
    public async Task The_keyed_OpenAI_ChatClient_answers_too_and_synchronously()
    {
        var chat = _host.Services.GetRequiredKeyedService<ChatClient>("meta-llama/Meta-Llama-3.1-70B-Instruct");
        Assert.Equal(_gateway.Reply("meta-llama/Meta-Llama-3.1-70B-Instruct"), (await chat.CompleteChatAsync("hi")).Value.Content[0].Text);
        Assert.Equal(_gateway.Reply("meta-llama/Meta-Llama-3.1-70B-Instruct"), chat.CompleteChat("hi").Value.Content[0].Text);
        Assert.Equal(2, _gateway.Requests.Count);
    }

    [Fact]
    public async Task A_streamed_response_arrives_in_chunks()
    {
        var qwen = _host.Services.GetRequiredKeyedService<IChatClient>("Qwen");
        var chunks = new List<string>();
        await foreach (var update in qwen.GetStreamingResponseAsync("stream it"))
        {
            if (!string.IsNullOrEmpty(update.Text))
            {
                chunks.Add(update.Text);
            }
        }

        Assert.True(chunks.Count > 1);
        Assert.Equal(_proxyReplica.Reply("Qwen/Qwen3.6-27B") + " ", string.Concat(chunks));
        Assert.True(Assert.Single(_proxyReplica.Requests).Json!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_model_that_is_not_running_fails_with_the_runtimes_message()
    {
        int index = _server.Runs.FindIndex(r => RunFixtures.RunName(r) == "qwen36");
        _server.Runs[index] = RunFixtures.WithStatus(_server.Runs[index], "provisioning");
        var qwen = _host.Services.GetRequiredKeyedService<IChatClient>("Qwen");

        var ex = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => qwen.GetResponseAsync("hello"));
        Assert.Equal("provisioning", ex.RunStatus);
        Assert.Empty(_proxyReplica.Requests);
    }
}
