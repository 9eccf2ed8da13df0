using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// A reverse proxy (YARP, in process, on 127.0.0.1) that serves the dstack server under a path prefix and strips
/// the prefix, as an ingress does for a dstack server at <c>https://host/some/prefix</c>. dstack itself does not
/// serve under a prefix, so this is the only way such a server exists.
/// </summary>
internal sealed class PrefixProxy : IAsyncDisposable
{
    public const string Prefix = "/some/prefix";

    private readonly WebApplication _app;

    private PrefixProxy(WebApplication app, Uri origin)
    {
        _app = app;
        Origin = origin;
    }

    /// <summary><c>http://127.0.0.1:port/</c>; the dstack server is at <c>Origin + some/prefix</c>.</summary>
    public Uri Origin { get; }

    public static async Task<PrefixProxy> StartAsync(Uri dstackServer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var route = new RouteConfig
        {
            RouteId = "dstack",
            ClusterId = "dstack",
            Match = new RouteMatch { Path = Prefix + "/{**rest}" },
            Transforms = new[] { new Dictionary<string, string> { ["PathRemovePrefix"] = Prefix } },
        };
        var cluster = new ClusterConfig
        {
            ClusterId = "dstack",
            Destinations = new Dictionary<string, DestinationConfig> { ["server"] = new() { Address = dstackServer.AbsoluteUri } },
        };
        builder.Services.AddReverseProxy().LoadFromMemory(new[] { route }, new[] { cluster });
        var app = builder.Build();
        app.MapReverseProxy();
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PrefixProxy(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
