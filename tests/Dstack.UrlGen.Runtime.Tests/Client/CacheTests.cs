using System.Diagnostics;

namespace Dstack.UrlGen.Tests.Client;

public class CacheTests
{
    private const string Qwen = "Qwen/Qwen3.6-27B";

    [Fact]
    public async Task Hundred_concurrent_first_calls_make_exactly_one_request()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Delay = TimeSpan.FromMilliseconds(300);
        using var client = server.CreateClient();
        using var start = new ManualResetEventSlim();

        var calls = Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() =>
            {
                start.Wait();
                return client.GetModelAsync(Qwen);
            }))
            .ToArray();
        start.Set();
        var endpoints = await Task.WhenAll(calls);

        Assert.Equal(1, server.RequestCount);
        Assert.All(endpoints, e => Assert.Same(endpoints[0], e));
    }

    [Fact]
    public async Task A_hit_returns_the_cached_task_without_a_request()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var first = client.GetModelAsync(Qwen);
        await first;
        var second = client.GetModelAsync(Qwen);

        Assert.Same(first, second);
        Assert.True(second.IsCompletedSuccessfully);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task A_hit_allocates_nothing()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();
        var byModel = client.GetModelAsync(Qwen);
        var byRun = client.GetRunModelAsync("qwen36");
        await Task.WhenAll(byModel, byRun);
        int misses = 0;
        for (int i = 0; i < 100; i++)
        {
            misses += ReferenceEquals(client.GetModelAsync(Qwen), byModel) ? 0 : 1;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            misses += ReferenceEquals(client.GetModelAsync(Qwen), byModel) ? 0 : 1;
            misses += ReferenceEquals(client.GetRunModelAsync("qwen36", "main"), byRun) ? 0 : 1;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, misses);
        Assert.Equal(0, allocated);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task An_endpoint_expires_after_the_cache_duration()
    {
        await using var server = await FakeDstackServer.StartAsync();
        long now = 1_000;
        using var client = server.CreateClient(new DstackClientOptions { EndpointCacheDuration = TimeSpan.FromSeconds(60) }, () => now);

        await client.GetModelAsync(Qwen);
        now += Stopwatch.Frequency * 59;
        await client.GetModelAsync(Qwen);
        Assert.Equal(1, server.RequestCount);

        now += Stopwatch.Frequency * 2;
        await client.GetModelAsync(Qwen);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task A_zero_duration_asks_every_time()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient(new DstackClientOptions { EndpointCacheDuration = TimeSpan.Zero });

        await client.GetModelAsync(Qwen);
        await client.GetModelAsync(Qwen);

        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task An_infinite_duration_keeps_the_endpoint()
    {
        await using var server = await FakeDstackServer.StartAsync();
        long now = 0;
        using var client = server.CreateClient(new DstackClientOptions { EndpointCacheDuration = Timeout.InfiniteTimeSpan }, () => now);

        await client.GetModelAsync(Qwen);
        now = long.MaxValue - 1;
        await client.GetModelAsync(Qwen);

        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Forget_drops_the_endpoint_so_the_next_call_asks_again_and_sees_a_moved_service()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();
        var before = await client.GetModelAsync(Qwen);
        var byRun = await client.GetRunModelAsync("qwen36");

        // The service moved behind a gateway while it ran.
        server.Runs = new() { RunFixtures.WithBaseUrl(RunFixtures.Load("run_server_openai.json"), "https://qwen36.example.com/v1") };
        Assert.Same(before, await client.GetModelAsync(Qwen));
        client.Forget(before);
        var after = await client.GetModelAsync(Qwen);
        var afterByRun = await client.GetRunModelAsync("qwen36");

        Assert.Equal("https://qwen36.example.com/v1", after.Url.AbsoluteUri);
        Assert.Equal("https://qwen36.example.com/v1", afterByRun.Url.AbsoluteUri);
        Assert.Equal(byRun, before);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task Forget_leaves_a_newer_endpoint_alone()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();
        var old = await client.GetModelAsync(Qwen);
        client.Forget(old);
        server.Runs = new() { RunFixtures.WithBaseUrl(RunFixtures.Load("run_server_openai.json"), "https://qwen36.example.com/v1") };
        var current = await client.GetModelAsync(Qwen);

        client.Forget(old);

        Assert.Same(current, await client.GetModelAsync(Qwen));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Keys_are_model_run_and_project_and_two_clients_never_share()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var research = RunFixtures.Load("run_server_openai.json");
        research["project_name"] = "research";
        server.Runs.Add(research);
        using var client = server.CreateClient();
        using var other = server.CreateClient();

        await client.GetModelAsync(Qwen);
        await client.GetRunModelAsync("qwen36");
        await client.GetModelAsync(Qwen, "research");
        await other.GetModelAsync(Qwen);
        await client.GetModelAsync(Qwen);
        await client.GetRunModelAsync("qwen36");

        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task A_caller_that_cancels_does_not_cancel_the_shared_request()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Delay = TimeSpan.FromMilliseconds(400);
        using var client = server.CreateClient();
        using var cancel = new CancellationTokenSource();

        var cancelled = client.GetModelAsync(Qwen, cancellationToken: cancel.Token);
        var waiting = client.GetModelAsync(Qwen);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal("qwen36", (await waiting).RunName);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_failure_and_the_next_call_retries()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Delay = TimeSpan.FromMilliseconds(200);
        server.Respond = _ => FakeResponse.DstackError(500, "boom");
        using var client = server.CreateClient();

        var calls = Enumerable.Range(0, 10).Select(_ => client.GetModelAsync(Qwen)).ToArray();
        foreach (var call in calls)
        {
            Assert.Equal(500, (await Assert.ThrowsAsync<DstackApiException>(() => call)).StatusCode);
        }

        Assert.Equal(1, server.RequestCount);
        server.Respond = null;
        Assert.Equal("qwen36", (await client.GetModelAsync(Qwen)).RunName);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Dispose_ends_a_request_in_flight_and_later_calls_fail()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Delay = TimeSpan.FromSeconds(30);
        var client = server.CreateClient();

        var pending = client.GetModelAsync(Qwen);
        await WaitForAsync(() => server.RequestCount == 1);
        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        Assert.Throws<ObjectDisposedException>(() => { _ = client.GetModelAsync(Qwen); });
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the server");
            await Task.Delay(10);
        }
    }
}
