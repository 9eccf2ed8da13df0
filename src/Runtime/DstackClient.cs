using System.Diagnostics;
using Dstack.UrlGen.Api;

namespace Dstack.UrlGen;

/// <summary>
/// A small client for the dstack server's REST API that finds where a model is served: by model name among a
/// project's running services, or by run name. Endpoints are resolved with <see cref="DstackUrl.Resolve(Uri, string, DstackUrlOptions?)"/>
/// and cached per client for <see cref="DstackClientOptions.EndpointCacheDuration"/>.
/// </summary>
/// <remarks>
/// Thread safe; create one per server and reuse it. Every failure is a <see cref="DstackException"/> whose message
/// names the server, the project and the run or model (never the token). A <c>base_url</c> the resolver refuses
/// is a <see cref="DstackApiException"/> whose <see cref="Exception.InnerException"/> is the <see cref="DstackUrlException"/>.
/// </remarks>
public sealed partial class DstackClient : IDisposable
{
    private static readonly Func<long> SystemClock = Stopwatch.GetTimestamp;

    private readonly DstackApi _api;
    private readonly EndpointCache _cache;
    private readonly HttpClient? _ownedHttpClient;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly DstackUrlOptions? _urlOptions;
    private readonly SettingsSources _sources;
    private int _disposed;

    /// <summary>Creates a client for one dstack server and its default project, with <see cref="DstackClientOptions.Default"/>.</summary>
    /// <param name="serverUrl">The dstack server's URL (<c>DSTACK_SERVER_URL</c>), optionally with a path prefix: <c>https://host/some/prefix</c>.</param>
    /// <param name="token">The user's dstack token (<c>DSTACK_TOKEN</c>); sent as <c>Authorization: Bearer</c>.</param>
    /// <param name="project">The project used when a call names none (<c>DSTACK_PROJECT</c>).</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send requests with; null to create one that <see cref="Dispose"/> disposes.
    /// A given client is never disposed, and its <see cref="HttpClient.DefaultRequestHeaders"/> are left alone.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="httpClient"/> is null.</exception>
    /// <exception cref="ArgumentException">The server URL is not absolute http(s) without query, fragment and user info, the token is empty or holds white space, or the project name breaks dstack's rule.</exception>
    public DstackClient(Uri serverUrl, string token, string project, HttpClient? httpClient = null)
        : this(serverUrl, token, project, httpClient, null, null)
    {
    }

    /// <summary>Creates a client for one dstack server and its default project.</summary>
    /// <param name="serverUrl">The dstack server's URL (<c>DSTACK_SERVER_URL</c>), optionally with a path prefix: <c>https://host/some/prefix</c>.</param>
    /// <param name="token">The user's dstack token (<c>DSTACK_TOKEN</c>); sent as <c>Authorization: Bearer</c>.</param>
    /// <param name="project">The project used when a call names none (<c>DSTACK_PROJECT</c>).</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send requests with; null to create one that <see cref="Dispose"/> disposes.</param>
    /// <param name="options">Cache lifetime, timeout and URL options; null for <see cref="DstackClientOptions.Default"/>.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="httpClient"/> and <paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">An argument is invalid (see the other constructor).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DstackClient(Uri serverUrl, string token, string project, HttpClient? httpClient, DstackClientOptions? options)
        : this(serverUrl, token, project, httpClient, options, null)
    {
    }

    // clock: timestamps in Stopwatch.Frequency ticks; tests pass one to expire the cache without waiting.
    internal DstackClient(Uri serverUrl, string token, string project, HttpClient? httpClient, DstackClientOptions? options, Func<long>? clock)
    {
        ValidateServerUrl(serverUrl);
        ValidateToken(token);
        DstackNames.ValidateProject(project, nameof(project));
        options ??= DstackClientOptions.Default;
        options.Validate(nameof(options));

        ServerUrl = serverUrl;
        Token = token;
        Project = project;
        Options = options;
        _urlOptions = options.UrlOptions;
        if (httpClient is null)
        {
            // Our own timeout (per request, from the options) governs; the HttpClient's would be a second, hidden one.
            _ownedHttpClient = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            httpClient = _ownedHttpClient;
        }

        _sources = SettingsSources.From(options, project);
        _api = new DstackApi(serverUrl, token, httpClient, options.Timeout, _sources, _lifetime.Token);
        _cache = new EndpointCache(FetchAsync, options.EndpointCacheDuration, clock ?? SystemClock, _lifetime.Token);
    }

    /// <summary>The dstack server's URL, as given.</summary>
    public Uri ServerUrl { get; }

    /// <summary>The project used when a call names none.</summary>
    public string Project { get; }

    /// <summary>The user's dstack token. dstack's proxy and gateways accept it as the API key of a model: pass it to an OpenAI-compatible client.</summary>
    public string Token { get; }

    /// <summary>The options this client was created with.</summary>
    public DstackClientOptions Options { get; }

    /// <summary>
    /// Every running model service of a project: the runs whose status is <c>running</c> and whose
    /// <c>service.model</c> is set, as dstack's Models page lists them. Always asks the server (pages of 100 runs).
    /// </summary>
    /// <param name="project">The project; null for <see cref="Project"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The endpoints, in the server's order (newest run first).</returns>
    /// <exception cref="ArgumentException"><paramref name="project"/> breaks dstack's project name rule.</exception>
    /// <exception cref="DstackNotFoundException">The project does not exist (dstack lists no runs for it, so the client asks for the project itself).</exception>
    /// <exception cref="DstackAuthenticationException">The server refused the token, or the user is not a member of the project.</exception>
    /// <exception cref="DstackException">The server refused or failed the request (see the class remarks).</exception>
    public Task<IReadOnlyList<DstackModelEndpoint>> ListModelsAsync(string? project = null, CancellationToken cancellationToken = default)
    {
        string p = ProjectOrDefault(project);
        ThrowIfDisposed();
        return ListModelsCoreAsync(p, cancellationToken);
    }

    /// <summary>
    /// The endpoint of the running service that serves <paramref name="modelName"/> (<c>service.model.name</c>) in a
    /// project, found among its active runs. Cached; concurrent first calls share one request.
    /// </summary>
    /// <param name="modelName">The model's name, such as <c>Qwen/Qwen3.6-27B</c>.</param>
    /// <param name="project">The project; null for <see cref="Project"/>.</param>
    /// <param name="cancellationToken">Stops this caller's wait; a request other callers share goes on.</param>
    /// <returns>The model's endpoint.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelName"/> is empty, or <paramref name="project"/> breaks dstack's rule.</exception>
    /// <exception cref="DstackNotFoundException">No active run serves the model; <see cref="DstackNotFoundException.AvailableModels"/> lists the running ones.</exception>
    /// <exception cref="DstackModelUnavailableException">The model's run is not running yet (or any more); see <see cref="DstackModelUnavailableException.RunStatus"/>.</exception>
    /// <exception cref="DstackException">The server refused or failed the request.</exception>
    public Task<DstackModelEndpoint> GetModelAsync(string modelName, string? project = null, CancellationToken cancellationToken = default)
    {
        DstackNames.ValidateModelName(modelName, nameof(modelName));
        string p = ProjectOrDefault(project);
        ThrowIfDisposed();
        return _cache.GetAsync(new EndpointKey(EndpointLookup.Model, p, modelName), cancellationToken);
    }

    /// <summary>
    /// The endpoint of the model that the run <paramref name="runName"/> serves, with one <c>runs/get</c> call.
    /// Cached; concurrent first calls share one request.
    /// </summary>
    /// <param name="runName">The service's run name, such as <c>qwen36</c>.</param>
    /// <param name="project">The project; null for <see cref="Project"/>.</param>
    /// <param name="cancellationToken">Stops this caller's wait; a request other callers share goes on.</param>
    /// <returns>The model's endpoint.</returns>
    /// <exception cref="ArgumentException"><paramref name="runName"/> or <paramref name="project"/> breaks dstack's name rule.</exception>
    /// <exception cref="DstackNotFoundException">The project has no such run; <see cref="DstackNotFoundException.AvailableModels"/> lists the running models.</exception>
    /// <exception cref="DstackModelUnavailableException">The run is not running, is not a service, or is a service without a model.</exception>
    /// <exception cref="DstackException">The server refused or failed the request.</exception>
    public Task<DstackModelEndpoint> GetRunModelAsync(string runName, string? project = null, CancellationToken cancellationToken = default)
    {
        DstackNames.ValidateRun(runName, nameof(runName));
        string p = ProjectOrDefault(project);
        ThrowIfDisposed();
        return _cache.GetAsync(new EndpointKey(EndpointLookup.Run, p, runName), cancellationToken);
    }

    /// <summary>
    /// Drops a cached endpoint, so that the next call asks the server again. Call it when a request to the model
    /// fails: the service may have moved to another gateway or been redeployed.
    /// </summary>
    /// <param name="endpoint">An endpoint this client returned.</param>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    public void Forget(DstackModelEndpoint endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        _cache.Forget(endpoint);
    }

    /// <summary>Cancels requests in flight and disposes the <see cref="HttpClient"/> the client created (never one it was given).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _ownedHttpClient?.Dispose();
    }

    /// <inheritdoc />
    public override string ToString() => $"DstackClient {ServerUrl.OriginalString}, project '{Project}'";

    private async Task<IReadOnlyList<DstackModelEndpoint>> ListModelsCoreAsync(string project, CancellationToken cancellationToken)
    {
        var runs = await _api.ListRunsAsync(project, cancellationToken).ConfigureAwait(false);
        return new RunInspector(ServerUrl, project, _urlOptions, _sources).Models(runs);
    }

    /// <summary>A cache miss: asks the server. Runs with the client's lifetime token, not a caller's: other callers may share it.</summary>
    private async Task<DstackModelEndpoint> FetchAsync(EndpointKey key, CancellationToken cancellationToken)
    {
        var inspector = new RunInspector(ServerUrl, key.Project, _urlOptions, _sources);
        ModelLookup lookup;
        if (key.Lookup == EndpointLookup.Model)
        {
            var runs = await _api.ListRunsAsync(key.Project, cancellationToken).ConfigureAwait(false);
            lookup = inspector.FromRuns(runs, key.Name);
        }
        else
        {
            lookup = await FindRunAsync(inspector, key.Project, key.Name, null, cancellationToken).ConfigureAwait(false);
        }

        return lookup.EndpointOrThrow(ServerUrl, key.Project);
    }

    /// <summary><c>runs/get</c>; a missing run becomes a NotFound lookup that lists the project's running models.</summary>
    private async Task<ModelLookup> FindRunAsync(RunInspector inspector, string project, string runName, string? expectedModel, CancellationToken cancellationToken)
    {
        RunDto run;
        try
        {
            run = await _api.GetRunAsync(project, runName, cancellationToken).ConfigureAwait(false);
        }
        catch (DstackNotFoundException notFound) when (notFound.Missing == DstackMissing.Run)
        {
            List<RunDto> runs;
            try
            {
                runs = await _api.ListRunsAsync(project, cancellationToken).ConfigureAwait(false);
            }
            catch (DstackException)
            {
                // The list only enriches the message; the missing run is what to report.
                return ModelLookup.NotFound(notFound.Message, Array.Empty<string>());
            }

            return ModelLookup.NotFound(notFound.Message + " " + inspector.Available(runs), RunInspector.RunningModelNames(runs));
        }

        return inspector.FromRun(run, runName, expectedModel);
    }

    private string ProjectOrDefault(string? project)
    {
        if (project is null)
        {
            return Project;
        }

        DstackNames.ValidateProject(project, nameof(project));
        return project;
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(DstackClient));
        }
    }

    private static void ValidateServerUrl(Uri serverUrl)
    {
        if (serverUrl is null)
        {
            throw new ArgumentNullException(nameof(serverUrl));
        }

        // The resolver's own server URL rule ("/api" itself is a valid base_url, so any refusal is the server URL's),
        // so that a client never holds a server URL it cannot resolve base_urls against.
        try
        {
            DstackUrl.Resolve(serverUrl, "/api");
        }
        catch (DstackUrlException ex)
        {
            throw new ArgumentException(ex.Message, nameof(serverUrl), ex);
        }
    }

    private static void ValidateToken(string token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        if (token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The token itself is never quoted.
            throw new ArgumentException(
                "The dstack token is empty or contains white space or control characters. Pass the token as `dstack project list` or ~/.dstack/config.yml has it (DSTACK_TOKEN).",
                nameof(token));
        }
    }
}
