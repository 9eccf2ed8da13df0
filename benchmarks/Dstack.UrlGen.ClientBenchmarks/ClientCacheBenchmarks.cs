using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// A cached <see cref="DstackClient.GetModelAsync"/> hit against one uncached call: a real HTTP round trip to a
/// Kestrel dstack server on 127.0.0.1 that answers <c>/api/runs/list</c> with the <c>runs_list.json</c> fixture.
/// Target: the hit allocates nothing and costs under 1% of the round trip.
/// </summary>
[MemoryDiagnoser]
public class ClientCacheBenchmarks
{
    private const string Model = "Qwen/Qwen3.6-27B";
    private const string Token = "benchmark-token";

    private WebApplication? _server;
    private DstackClient? _cached;
    private DstackClient? _uncached;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        byte[] runs = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "fixtures", "dstack", "runs_list.json"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            await reader.ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(runs);
        });
        await _server.StartAsync();
        var address = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        _cached = new DstackClient(address, Token, "main");
        await _cached.GetModelAsync(Model);
        _uncached = new DstackClient(address, Token, "main", null, new DstackClientOptions { EndpointCacheDuration = TimeSpan.Zero });
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _cached?.Dispose();
        _uncached?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>One <c>runs/list</c> round trip over loopback, JSON parsing and resolution included.</summary>
    [Benchmark(Baseline = true)]
    public Task<DstackModelEndpoint> UncachedRoundTrip() => _uncached!.GetModelAsync(Model);

    /// <summary>The endpoint from the client's cache.</summary>
    [Benchmark]
    public Task<DstackModelEndpoint> CachedHit() => _cached!.GetModelAsync(Model);
}
