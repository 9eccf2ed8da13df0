using System.Text;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>The generated chat clients, completing chats and streamed chats through dstack's own proxy to the served replicas.</summary>
[Collection(ServerCollection.Name)]
public sealed class ChatTests
{
    private readonly ServerFixture _server;

    public ChatTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task CreateChatClientAsync_by_run_completes_a_chat_and_a_streamed_chat()
    {
        using var counted = _server.CreateClient();

        ChatClient chat = await ChatByRun.CreateChatClientAsync(counted.Client);
        var completion = await chat.CompleteChatAsync("Say hello.");
        var streamed = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync("Say hello."))
        {
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }
        }

        Assert.Equal(FakeModelServer.Reply(KitRuns.ChatModel), completion.Value.Content[0].Text);
        Assert.Equal(FakeModelServer.Reply(KitRuns.ChatModel), streamed.ToString());
    }

    [Fact]
    public async Task CreateIChatClientAsync_by_model_name_with_a_custom_prefix_completes_a_chat_and_a_streamed_chat()
    {
        using var counted = _server.CreateClient();

        IChatClient chat = await ObjectByName.CreateIChatClientAsync(counted.Client);
        var response = await chat.GetResponseAsync("Say hello.");
        var streamed = new StringBuilder();
        await foreach (var update in chat.GetStreamingResponseAsync("Say hello."))
        {
            streamed.Append(update.Text);
        }

        Assert.Equal(FakeModelServer.Reply(KitRuns.ObjectModel), response.Text);
        Assert.Equal(FakeModelServer.Reply(KitRuns.ObjectModel), streamed.ToString());
    }

    [Fact]
    public async Task The_declared_project_wins_over_the_clients()
    {
        // The member's client defaults to main, where the member is no member: only the declared project works.
        using var counted = _server.CreateClient(token: _server.Kit.MemberToken, project: KitRuns.MainProject);

        var endpoint = await PrivateByProject.GetEndpointAsync(counted.Client);
        var chat = await PrivateByProject.CreateChatClientAsync(counted.Client);
        var completion = await chat.CompleteChatAsync("Say hello.");

        Assert.Equal(KitRuns.PrivateProject, endpoint.Project);
        Assert.Equal(FakeModelServer.Reply(KitRuns.PrivateModel), completion.Value.Content[0].Text);
    }

    [Fact]
    public async Task A_TGI_model_reported_at_the_deprecated_models_route_completes_a_chat()
    {
        using var counted = _server.CreateClient();

        var endpoint = await TgiByRun.GetEndpointAsync(counted.Client);
        var chat = await TgiByRun.CreateChatClientAsync(counted.Client);
        var completion = await chat.CompleteChatAsync("Say hello.");

        Assert.Equal($"/proxy/models/{KitRuns.MainProject}/", endpoint.BaseUrl);
        Assert.Equal(FakeModelServer.Reply(KitRuns.TgiModel), completion.Value.Content[0].Text);
    }

    [Fact]
    public async Task A_declared_models_route_base_url_is_resolved_without_a_request_and_dstack_routes_by_model_name()
    {
        using var counted = _server.CreateClient();

        var endpoint = await ChatThroughModelsRoute.GetEndpointAsync(counted.Client);
        IChatClient chat = await ChatThroughModelsRoute.CreateIChatClientAsync(counted.Client);
        var response = await chat.GetResponseAsync("Say hello.");

        Assert.Empty(counted.Requests);
        Assert.Equal(new Uri(_server.ServerUrl, "/proxy/models/main/"), ChatThroughModelsRoute.GetUrl(_server.ServerUrl));
        Assert.Equal(ChatThroughModelsRoute.GetUrl(_server.ServerUrl), endpoint.Url);
        Assert.Equal(FakeModelServer.Reply(KitRuns.ChatModel), response.Text);
    }
}
