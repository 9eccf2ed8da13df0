using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The kit's real dstack 0.21.2 server for one test run: started with <c>--no-background</c> (so runs keep the
/// status <c>mark-running</c> gives them) in a temporary state directory, set up through its REST API, with the
/// running services' replicas served by <see cref="FakeModelServer"/> through <c>serve-replica</c>. Disposing it
/// stops the replica sshd and the server and deletes the state, also when the set-up failed half way.
/// </summary>
public sealed class KitServer : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(3);

    private readonly string _state;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private FakeModelServer? _model;
    private bool _started;
    private int _disposed;

    private KitServer(string state)
    {
        _state = state;
    }

    public Uri ServerUrl { get; private set; } = null!;

    public string AdminToken { get; private set; } = null!;

    /// <summary>The token of <see cref="KitRuns.Member"/>, a plain user in <see cref="KitRuns.PrivateProject"/>.</summary>
    public string MemberToken { get; private set; } = null!;

    /// <summary>The token of <see cref="KitRuns.Outsider"/>, a user in no project.</summary>
    public string OutsiderToken { get; private set; } = null!;

    internal FakeModelServer Model => _model!;

    internal AdminApi Admin { get; private set; } = null!;

    /// <summary>How long the set-up took, for the test log.</summary>
    public TimeSpan SetupTime { get; private set; }

    public static async Task<KitServer> StartAsync()
    {
        var state = Path.Combine(Path.GetTempPath(), "dstack-conformance-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var server = new KitServer(state);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.StopScripts();
        try
        {
            await server.SetUpAsync();
            return server;
        }
        catch (Exception ex)
        {
            string log = server.ServerLogTail();
            await server.DisposeAsync();
            throw new InvalidOperationException($"Setting up the real dstack server failed: {ex.Message}\n--- the end of its log:\n{log}", ex);
        }
    }

    /// <summary><c>mark-running STATE RUN PROJECT STATUS</c>.</summary>
    public Task MarkAsync(string run, string project = KitRuns.MainProject, string status = "RUNNING")
        => DstackKit.RunAsync("mark-running", ScriptTimeout, _state, run, project, status);

    /// <summary>
    /// <c>serve-replica</c> for a running run, then one request through dstack's proxy so that the server opens
    /// (and caches) its tunnel: the next serve-replica restarts the sshd, and only open tunnels outlive that.
    /// </summary>
    public async Task ServeAsync(string run, string project = KitRuns.MainProject)
    {
        string port = _model!.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await DstackKit.RunAsync("serve-replica", ScriptTimeout, _state, run, port, project);
                break;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("sshd did not start", StringComparison.Ordinal))
            {
                // The kit waits 5 s for its sshd to listen; on a loaded machine that can pass. Running it again is what the kit allows.
                await Task.Delay(500);
            }
        }

        var ping = new Uri(ServerUrl, $"/proxy/services/{project}/{run}/ping");
        string last = "no answer";
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(30);)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ping);
            request.Headers.Authorization = new("Bearer", AdminToken);
            using var response = await _http.SendAsync(request);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            await Task.Delay(250);
        }

        throw new InvalidOperationException($"dstack's proxy did not reach the replica of {project}/{run} within 30 s: {last}");
    }

    /// <summary>Creates a run through <c>runs/apply</c>.</summary>
    public Task ApplyAsync(string project, string run, JsonObject configuration) => Admin.ApplyAsync(project, run, configuration);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        StopScripts();
        if (_model is not null)
        {
            await _model.DisposeAsync();
        }

        _http.Dispose();
        TryDelete(_state);
    }

    private async Task SetUpAsync()
    {
        var clock = Stopwatch.StartNew();
        var modelTask = FakeModelServer.StartAsync();
        string line = await DstackKit.RunAsync("start", ScriptTimeout, "--no-background", "--state", _state);
        _started = true;
        ServerUrl = new Uri(DstackKit.Field(line, "url"));
        AdminToken = DstackKit.Field(line, "token");
        _model = await modelTask;
        Admin = new AdminApi(_http, ServerUrl, AdminToken);

        var users = Task.WhenAll(Admin.CreateUserAsync(KitRuns.Member), Admin.CreateUserAsync(KitRuns.Outsider));
        await Admin.CreateProjectAsync(KitRuns.PrivateProject);
        await Admin.CreateProjectAsync(KitRuns.PagingProject);
        await Admin.CreateProjectAsync(KitRuns.UnservedProject);
        await Admin.CreateProjectAsync(KitRuns.WebApiProject);
        var tokens = await users;
        MemberToken = tokens[0];
        OutsiderToken = tokens[1];
        await Admin.AddMemberAsync(KitRuns.PrivateProject, KitRuns.Member, "user");

        // The oldest run of the paging project first, so that it is the last of the newest-first list.
        await ApplyAsync(KitRuns.PagingProject, KitRuns.OldestRun, AdminApi.Service(KitRuns.OldestModel));
        // One at a time: the server has one worker and one sqlite database, so concurrent applies are no faster
        // (50 tasks: 5.2 s one by one, 7.3 s two at a time) and, under load, fail with "database is locked".
        foreach (var (project, run, configuration) in Applies())
        {
            await ApplyAsync(project, run, configuration);
        }

        foreach (var (run, project, status) in Marks())
        {
            await MarkAsync(run, project, status);
        }

        // One serve-replica after the other: each restarts the kit's single sshd.
        foreach (var (run, project) in new[]
                 {
                     (KitRuns.ChatRun, KitRuns.MainProject), (KitRuns.ObjectRun, KitRuns.MainProject), (KitRuns.TgiRun, KitRuns.MainProject),
                     (KitRuns.MovingRun, KitRuns.MainProject), (KitRuns.PrivateRun, KitRuns.PrivateProject),
                     (KitRuns.WebApiRun, KitRuns.WebApiProject),
                 })
        {
            await ServeAsync(run, project);
        }

        SetupTime = clock.Elapsed;
    }

    private static IEnumerable<(string Project, string Run, JsonObject Configuration)> Applies()
    {
        const string main = KitRuns.MainProject;
        yield return (main, KitRuns.ChatRun, AdminApi.Service(KitRuns.ChatModel));
        yield return (main, KitRuns.ObjectRun, AdminApi.Service(new JsonObject
        {
            ["type"] = "chat", ["name"] = KitRuns.ObjectModel, ["format"] = "openai", ["prefix"] = KitRuns.ObjectPrefix,
        }));

        // chat_template and eos_token given, so that dstack does not fetch them from the Hugging Face Hub.
        yield return (main, KitRuns.TgiRun, AdminApi.Service(new JsonObject
        {
            ["type"] = "chat", ["name"] = KitRuns.TgiModel, ["format"] = "tgi",
            ["chat_template"] = "{% for m in messages %}{{ m['content'] }}{% endfor %}", ["eos_token"] = "</s>",
        }));
        yield return (main, KitRuns.NoModelRun, AdminApi.Service(null));
        yield return (main, KitRuns.TaskRun, AdminApi.TaskConfiguration());
        yield return (main, KitRuns.ProvisioningRun, AdminApi.Service(KitRuns.ProvisioningModel));
        yield return (main, KitRuns.FailedRun, AdminApi.Service(KitRuns.FailedModel));
        yield return (main, KitRuns.MovingRun, AdminApi.Service(KitRuns.MovingModel));
        yield return (KitRuns.PrivateProject, KitRuns.PrivateRun, AdminApi.Service(KitRuns.PrivateModel));
        yield return (KitRuns.UnservedProject, KitRuns.UnservedRun, AdminApi.Service(KitRuns.UnservedModel));
        yield return (KitRuns.WebApiProject, KitRuns.WebApiRun, AdminApi.Service(KitRuns.WebApiModel));
        for (int i = 0; i < KitRuns.PagingFillers; i++)
        {
            yield return (KitRuns.PagingProject, $"conf-filler-{i:000}", AdminApi.TaskConfiguration());
        }
    }

    private static IEnumerable<(string Run, string Project, string Status)> Marks()
    {
        foreach (var run in new[] { KitRuns.ChatRun, KitRuns.ObjectRun, KitRuns.TgiRun, KitRuns.NoModelRun, KitRuns.TaskRun, KitRuns.MovingRun })
        {
            yield return (run, KitRuns.MainProject, "RUNNING");
        }

        yield return (KitRuns.ProvisioningRun, KitRuns.MainProject, "PROVISIONING");
        yield return (KitRuns.FailedRun, KitRuns.MainProject, "FAILED");
        yield return (KitRuns.PrivateRun, KitRuns.PrivateProject, "RUNNING");
        yield return (KitRuns.UnservedRun, KitRuns.UnservedProject, "RUNNING");
        yield return (KitRuns.WebApiRun, KitRuns.WebApiProject, "RUNNING");
        yield return (KitRuns.OldestRun, KitRuns.PagingProject, "RUNNING");
    }

    private string ServerLogTail()
    {
        string path = Path.Combine(_state, "server.log");
        return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(40)) : "(no server.log)";
    }

    /// <summary>The kit's own stop scripts, by the PIDs they recorded; run at dispose and at process exit.</summary>
    private void StopScripts()
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        foreach (var args in new[] { new[] { "--stop", _state } })
        {
            RunQuietly("serve-replica", args);
        }

        RunQuietly("stop", new[] { _state });
        var sshdDir = Path.Combine(_state, "replica-sshd.dir");
        if (File.Exists(sshdDir))
        {
            TryDelete(File.ReadAllText(sshdDir).Trim());
        }
    }

    private static void RunQuietly(string script, string[] args)
    {
        try
        {
            DstackKit.RunAsync(script, TimeSpan.FromSeconds(30), args).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            Console.Error.WriteLine($"dstack conformance clean-up: {ex.Message}");
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"dstack conformance clean-up: could not delete {directory}: {ex.Message}");
        }
    }
}
