using System.ClientModel;
using OpenAI.Chat;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>The endpoint cache against the real server: filled by a verification, and dropped by Forget after a replica goes away.</summary>
[Collection(ServerCollection.Name)]
public sealed class CacheTests
{
    private readonly ServerFixture _server;

    public CacheTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task After_VerifyAsync_GetEndpointAsync_makes_no_request()
    {
        using var counted = _server.CreateClient();

        var report = await counted.Client.VerifyAsync(new[] { ChatByRun.Info, ObjectByName.Info, TgiByRun.Info });
        int afterVerify = counted.Requests.Count;
        var byRun = await ChatByRun.GetEndpointAsync(counted.Client);
        var byName = await ObjectByName.GetEndpointAsync(counted.Client);

        Assert.True(report.IsSuccess, report.ToString());
        Assert.Equal(afterVerify, counted.Requests.Count);
        Assert.Equal(report.Checks[0].Endpoint, byRun);
        Assert.Equal(report.Checks[1].Endpoint, byName);
    }

    [Fact]
    public async Task A_replica_that_goes_away_is_found_again_after_Forget()
    {
        var kit = _server.Kit;
        using var counted = _server.CreateClient();
        var client = counted.Client;
        var first = await MovingByName.GetEndpointAsync(client);
        var chat = await MovingByName.CreateChatClientAsync(client);
        Assert.Equal(FakeModelServer.Reply(KitRuns.MovingModel), (await chat.CompleteChatAsync("Hi.")).Value.Content[0].Text);

        // The run goes away; the same model comes back in another run.
        await kit.MarkAsync(KitRuns.MovingRun, status: "TERMINATED");
        var failure = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync("Hi."));
        await kit.ApplyAsync(KitRuns.MainProject, KitRuns.MovedRun, AdminApi.Service(KitRuns.MovingModel));
        await kit.MarkAsync(KitRuns.MovedRun);
        await kit.ServeAsync(KitRuns.MovedRun);

        var stillCached = await MovingByName.GetEndpointAsync(client);
        int before = counted.Requests.Count;
        client.Forget(stillCached);
        var second = await MovingByName.GetEndpointAsync(client);
        ChatClient moved = await MovingByName.CreateChatClientAsync(client);

        Assert.Equal(404, failure.Status);
        Assert.Equal(first, stillCached);
        Assert.Equal(KitRuns.MovingRun, first.RunName);
        Assert.Equal(KitRuns.MovedRun, second.RunName);
        Assert.Equal($"/proxy/services/main/{KitRuns.MovedRun}/v1", second.BaseUrl);
        Assert.Equal(before + 1, counted.Requests.Count);
        Assert.Equal(FakeModelServer.Reply(KitRuns.MovingModel), (await moved.CompleteChatAsync("Hi.")).Value.Content[0].Text);
    }
}
