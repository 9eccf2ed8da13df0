using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>Generic hosts configured as an application would be: a <c>Dstack</c> configuration section and an environment of the test's own.</summary>
internal static class TestHost
{
    public static readonly DstackModelInfo Qwen = new("Qwen/Qwen3.6-27B", null, "qwen36", null, "Contoso.Models.Qwen");

    public static readonly DstackModelInfo Llama = new("meta-llama/Meta-Llama-3.1-70B-Instruct", null, "llama31-gw", null, "Contoso.Models.Llama");

    /// <summary>A host whose configuration is <paramref name="settings"/> and whose process environment is <paramref name="environment"/> (empty when null, with no home).</summary>
    public static IHost Build(
        IDictionary<string, string?> settings,
        Action<IDstackBuilder>? models = null,
        DstackEnvironment? environment = null,
        Action<IServiceCollection>? services = null,
        TestLog? log = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(null);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(log ?? new TestLog());
        builder.Services.AddSingleton(environment ?? new DstackEnvironment(_ => null, null));
        var dstack = builder.Services.AddDstack();
        models?.Invoke(dstack);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>The configuration section that points at <paramref name="server"/>.</summary>
    public static Dictionary<string, string?> SettingsFor(FakeDstackServer server, string? cacheDuration = "-00:00:00.001") => new()
    {
        ["Dstack:ServerUrl"] = server.ServerUrl.AbsoluteUri,
        ["Dstack:Token"] = FakeDstackServer.Token,
        ["Dstack:Project"] = FakeDstackServer.MainProject,

        // By default endpoints never expire, so every extra lookup a test sees is one the model client asked for.
        ["Dstack:EndpointCacheDuration"] = cacheDuration,
    };

    /// <summary>The runs/get requests the server received for <paramref name="run"/>.</summary>
    public static int Lookups(FakeDstackServer server, string run)
        => server.Requests.Count(r => r.Path.EndsWith("/runs/get", StringComparison.Ordinal) && r.Json?["run_name"]?.GetValue<string>() == run);

    /// <summary>A fixture run moved to <paramref name="backend"/>: its base_url is the backend's <c>/v1</c> (a gateway).</summary>
    public static void Serve(FakeDstackServer server, string run, ModelBackend backend)
    {
        int index = server.Runs.FindIndex(r => RunFixtures.RunName(r) == run);
        server.Runs[index] = RunFixtures.WithBaseUrl(server.Runs[index], backend.BaseAddress.AbsoluteUri + "v1");
    }
}
