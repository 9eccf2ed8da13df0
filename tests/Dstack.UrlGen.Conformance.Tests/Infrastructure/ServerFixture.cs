namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The dstack server the suite checks: the kit's real dstack 0.21.2, started for this test run with its runs
/// created (kit mode), or the user's own server from <c>DSTACK_CONFORMANCE_SERVER_URL</c> /
/// <c>DSTACK_CONFORMANCE_TOKEN</c> / <c>DSTACK_CONFORMANCE_PROJECT</c>, only read (user mode).
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string UrlVariable = "DSTACK_CONFORMANCE_SERVER_URL";
    public const string TokenVariable = "DSTACK_CONFORMANCE_TOKEN";
    public const string ProjectVariable = "DSTACK_CONFORMANCE_PROJECT";

    private Uri? _serverUrl;
    private string? _token;
    private string? _project;

    /// <summary>The server's URL.</summary>
    public Uri ServerUrl => _serverUrl ?? throw NotStarted();

    /// <summary>A token of a member of <see cref="Project"/> (in kit mode, the admin's).</summary>
    public string Token => _token ?? throw NotStarted();

    /// <summary>A project with at least one running model in kit mode; the user's project in user mode.</summary>
    public string Project => _project ?? throw NotStarted();

#if DSTACK_KIT
    /// <summary>The kit's server with the suite's runs (kit mode only).</summary>
    public KitServer Kit { get; private set; } = null!;
#endif

    public async Task InitializeAsync()
    {
        string? url = Environment.GetEnvironmentVariable(UrlVariable);
#if DSTACK_KIT
        if (string.IsNullOrEmpty(url))
        {
            Kit = await KitServer.StartAsync();
            _serverUrl = Kit.ServerUrl;
            _token = Kit.AdminToken;
            _project = KitRuns.MainProject;
            return;
        }
#endif
        string? token = Environment.GetEnvironmentVariable(TokenVariable);
        if (string.IsNullOrEmpty(url) || string.IsNullOrEmpty(token))
        {
            throw new InvalidOperationException(
                $"This build of the suite checks your own dstack server: set {UrlVariable} and {TokenVariable} (and {ProjectVariable}, default main) when running it, as when building it.");
        }

        _serverUrl = new Uri(url);
        _token = token;
        string? project = Environment.GetEnvironmentVariable(ProjectVariable);
        _project = string.IsNullOrEmpty(project) ? "main" : project;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
#if DSTACK_KIT
        if (Kit is not null)
        {
            await Kit.DisposeAsync();
        }
#else
        await Task.CompletedTask;
#endif
    }

    /// <summary>A client of the fixture's server and project, counting its requests to the server.</summary>
    public CountedClient CreateClient(string? token = null, string? project = null, Uri? serverUrl = null, DstackClientOptions? options = null)
        => new(serverUrl ?? ServerUrl, token ?? Token, project ?? Project, options);

    private static InvalidOperationException NotStarted() => new("The dstack server fixture has not started.");
}
