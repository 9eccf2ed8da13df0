using System.ClientModel;
using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>
/// The replica moves between two calls: the first endpoint refuses connections or answers 404/502/503, the run's
/// base_url now names another one. The second call succeeds there with one extra lookup; real errors are not retried.
/// </summary>
public sealed class MovingModelTests : IAsyncLifetime
{
    private FakeDstackServer _server = null!;
    private ModelBackend _old = null!;
    private ModelBackend _new = null!;
    private IHost _host = null!;
    private readonly TestLog _log = new();

    private IChatClient Chat => _host.Services.GetRequiredKeyedService<IChatClient>("Llama");

    public async Task InitializeAsync()
    {
        _server = await FakeDstackServer.StartAsync();
        _old = await ModelBackend.StartAsync("the old replica");
        _new = await ModelBackend.StartAsync("the new replica");
        TestHost.Serve(_server, "llama31-gw", _old);
        _host = TestHost.Build(TestHost.SettingsFor(_server), d => d.AddModel(TestHost.Llama), log: _log);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _old.DisposeAsync();
        await _new.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(404)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task A_gone_status_is_followed_to_the_new_endpoint_with_one_extra_lookup(int status)
    {
        Assert.Equal(_old.Reply(TestHost.Llama.ModelName), (await Chat.GetResponseAsync("first")).Text);
        Assert.Equal(1, TestHost.Lookups(_server, "llama31-gw"));

        Move(status);
        Assert.Equal(_new.Reply(TestHost.Llama.ModelName), (await Chat.GetResponseAsync("second")).Text);

        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Equal(2, _old.Requests.Count);
        var retried = Assert.Single(_new.Requests);
        Assert.Equal(_old.Requests.Last().Body, retried.Body);
        Assert.Equal("/v1/chat/completions", retried.Path);
        Assert.Equal("Bearer " + FakeDstackServer.Token, retried.Authorization);

        var warning = Assert.Single(_log.Entries, e => e.Id.Id == 3);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal($"Model {TestHost.Llama.ModelName} did not answer at {_old.BaseAddress}v1 (HTTP {status}); the endpoint is dropped, the model looked up again and the request retried once.", warning.Message);
        Assert.Equal($"Model {TestHost.Llama.ModelName} is now served at {_new.BaseAddress}v1; retrying the request there.", Assert.Single(_log.Entries, e => e.Id.Id == 4).Message);

        // The new endpoint is cached: the next call needs no lookup.
        await Chat.GetResponseAsync("third");
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Equal(2, _new.Requests.Count);
    }

    [Fact]
    public async Task A_refused_connection_is_followed_to_the_new_endpoint_with_one_extra_lookup()
    {
        await Chat.GetResponseAsync("first");
        TestHost.Serve(_server, "llama31-gw", _new);
        await _old.DisposeAsync();

        Assert.Equal(_new.Reply(TestHost.Llama.ModelName), (await Chat.GetResponseAsync("second")).Text);
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Single(_new.Requests);
        Assert.Contains(_log.Entries, e => e.Id.Id == 3 && e.Message.Contains("Connection refused", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_streamed_request_is_followed_too()
    {
        await Chat.GetResponseAsync("first");
        Move(503);

        var text = new List<string>();
        await foreach (var update in Chat.GetStreamingResponseAsync("stream after the move"))
        {
            text.Add(update.Text);
        }

        Assert.Equal(_new.Reply(TestHost.Llama.ModelName) + " ", string.Concat(text));
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        var retried = Assert.Single(_new.Requests);
        Assert.True(retried.Json!["stream"]!.GetValue<bool>());
        Assert.Equal(_old.Requests.Last().Body, retried.Body);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(422)]
    public async Task A_real_error_is_returned_without_a_lookup_or_a_retry(int status)
    {
        await Chat.GetResponseAsync("first");
        Move(status);

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Chat.GetResponseAsync("second"));
        Assert.Equal(status, ex.Status);
        Assert.Equal(1, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Equal(2, _old.Requests.Count);
        Assert.Empty(_new.Requests);
        Assert.DoesNotContain(_log.Entries, e => e.Id.Id == 3);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    public async Task A_status_the_OpenAI_SDK_retries_itself_is_left_to_it_without_a_lookup(int status)
    {
        await Chat.GetResponseAsync("first");
        Move(status);

        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Chat.GetResponseAsync("second"));
        Assert.Equal(status, ex.Status);
        Assert.Equal(1, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Empty(_new.Requests);

        // The SDK's own policy: the first try and three retries, all to the same endpoint.
        Assert.Equal(1 + 4, _old.Requests.Count);
    }

    [Fact]
    public async Task A_model_that_stopped_while_moving_fails_with_the_lookups_error()
    {
        await Chat.GetResponseAsync("first");
        _old.Status = 503;
        int index = _server.Runs.FindIndex(r => RunFixtures.RunName(r) == "llama31-gw");
        _server.Runs[index] = RunFixtures.WithStatus(_server.Runs[index], "provisioning");

        var ex = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => Chat.GetResponseAsync("second"));
        Assert.Equal("provisioning", ex.RunStatus);
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Contains(_log.Entries, e => e.Id.Id == 5);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(502)]
    [InlineData(503)]
    public async Task It_follows_once_only_when_the_new_endpoint_fails_too(int status)
    {
        await Chat.GetResponseAsync("first");
        Move(status);
        _new.Status = status;

        // Neither the handler nor the OpenAI SDK's own retry policy (which retries 502 and 503) tries again.
        var ex = await Assert.ThrowsAsync<ClientResultException>(() => Chat.GetResponseAsync("second"));
        Assert.Equal(status, ex.Status);
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
        Assert.Equal(2, _old.Requests.Count);
        Assert.Single(_new.Requests);
    }

    [Fact]
    public async Task It_follows_once_only_when_the_new_endpoint_refuses_connections_too()
    {
        await Chat.GetResponseAsync("first");
        TestHost.Serve(_server, "llama31-gw", _new);
        await _old.DisposeAsync();
        await _new.DisposeAsync();

        await Assert.ThrowsAsync<ClientResultException>(() => Chat.GetResponseAsync("second"));
        Assert.Equal(2, TestHost.Lookups(_server, "llama31-gw"));
    }

    private void Move(int oldStatus)
    {
        // The run moves in every case, so a retry that should not happen would be seen to succeed.
        _old.Status = oldStatus;
        TestHost.Serve(_server, "llama31-gw", _new);
    }
}
