using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>
/// A dstack server on 127.0.0.1 that serves the run fixtures through <c>/api/runs/list</c> (with dstack's keyset
/// paging), <c>/api/project/{project}/runs/get</c> and <c>/api/projects/{project}/get</c>, under an optional path
/// prefix, answering errors as a real dstack 0.21.2 does (see the conformance suite). It checks the method, path,
/// body, content type and <c>Authorization</c> header of every request; anything a real server would reject
/// as malformed is recorded in <see cref="Violations"/>, and disposing the server fails the test if there is any.
/// </summary>
internal sealed partial class FakeDstackServer : IAsyncDisposable
{
    public const string Token = "dstk-7f3a9c11-5e2b-4d8a-9c0e-token-under-test";
    public const string MainProject = "main";

    private LoopbackServer? _server;

    private FakeDstackServer(string prefix)
    {
        Prefix = prefix;
    }

    /// <summary>The server URL's path prefix, such as <c>/some/prefix</c>, or empty.</summary>
    public string Prefix { get; }

    /// <summary>The URL to give the client: <c>http://127.0.0.1:port</c> plus <see cref="Prefix"/>.</summary>
    public Uri ServerUrl => new(_server!.BaseAddress.AbsoluteUri.TrimEnd('/') + Prefix);

    public Uri Origin => _server!.BaseAddress;

    /// <summary>Every run the server knows; <c>runs/list</c> returns the active ones of a project in this order.</summary>
    public List<JsonObject> Runs { get; set; } = RunFixtures.List();

    /// <summary>Projects that exist besides those of <see cref="Runs"/>.</summary>
    public HashSet<string> Projects { get; } = new(StringComparer.Ordinal) { MainProject };

    /// <summary>Requests to <c>{prefix}/api/…</c>, in arrival order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>When it returns an answer for a (well-formed) request, that answer is sent instead of the fixture data.</summary>
    public Func<RecordedRequest, FakeResponse?>? Respond { get; set; }

    /// <summary>Waits this long before answering an API request, so that concurrent callers overlap.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Serves requests under the prefix outside <c>/api/</c> (the model proxy, <c>/proxy/services/…</c>).</summary>
    public RequestDelegate? Proxy { get; set; }

    public int RequestCount => Requests.Count;

    public static async Task<FakeDstackServer> StartAsync(string prefix = "")
    {
        var fake = new FakeDstackServer(prefix);
        fake._server = await LoopbackServer.StartAsync(fake.HandleAsync);
        return fake;
    }

    public DstackClient CreateClient(DstackClientOptions? options = null, Func<long>? clock = null, string project = MainProject, string token = Token)
        => new(ServerUrl, token, project, null, options, clock);

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Assert.True(Violations.IsEmpty, "The dstack client sent malformed requests:\n" + string.Join("\n", Violations));
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        if (!path.StartsWith(Prefix + "/api/", StringComparison.Ordinal))
        {
            if (Proxy is not null && path.StartsWith(Prefix + "/", StringComparison.Ordinal))
            {
                await Proxy(context);
                return;
            }

            Violations.Enqueue($"{context.Request.Method} {path}: not under {Prefix}/api/");
            await WriteAsync(context, FakeResponse.DstackError(404, "Not Found"));
            return;
        }

        var request = await RecordedRequest.ReadAsync(context.Request);
        Requests.Enqueue(request);
        var problems = Check(request);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                Violations.Enqueue($"{request.Method} {request.Path}: {problem}");
            }

            await WriteAsync(context, FakeResponse.DstackError(400, string.Join("; ", problems)));
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var answer = Respond?.Invoke(request) ?? Answer(request);
        if (answer.Delay > TimeSpan.Zero)
        {
            await Task.Delay(answer.Delay, context.RequestAborted);
        }

        await WriteAsync(context, answer);
    }

    private FakeResponse Answer(RecordedRequest request)
    {
        if (request.Authorization != "Bearer " + Token)
        {
            return FakeResponse.DstackObjectError(403, "Invalid token");
        }

        var body = request.Json!;
        string local = request.Path.Substring(Prefix.Length);
        if (local == "/api/runs/list")
        {
            // dstack filters by project and does not check it: an unknown project lists no runs.
            string project = body["project_name"]!.GetValue<string>();
            return new FakeResponse(200, Page(project, body).ToJsonString());
        }

        var projectGet = GetProjectPath().Match(local);
        if (projectGet.Success)
        {
            string name = projectGet.Groups[1].Value;
            return KnowsProject(name)
                ? new FakeResponse(200, new JsonObject { ["project_name"] = name, ["members"] = new JsonArray() }.ToJsonString())
                : FakeResponse.DstackObjectError(404, "Not found");
        }

        string getProject = GetRunPath().Match(local).Groups[1].Value;
        if (!KnowsProject(getProject))
        {
            return FakeResponse.DstackObjectError(404, "Not found");
        }

        string runName = body["run_name"]!.GetValue<string>();
        var run = Runs.FirstOrDefault(r => ProjectOf(r) == getProject && RunFixtures.RunName(r) == runName);
        return run is null
            ? FakeResponse.DstackError(400, "Run not found", "resource_not_exists")
            : new FakeResponse(200, run.ToJsonString());
    }

    /// <summary>dstack's keyset paging: the active runs after (prev_submitted_at, prev_run_id), at most <c>limit</c>.</summary>
    private JsonArray Page(string project, JsonObject body)
    {
        var active = Runs.Where(r => ProjectOf(r) == project && !IsFinished(r)).ToList();
        int start = 0;
        if (body["prev_run_id"] is JsonNode prevId)
        {
            int index = active.FindIndex(r => r["id"]!.GetValue<string>() == prevId.GetValue<string>());
            if (index < 0 || active[index]["submitted_at"]!.GetValue<string>() != body["prev_submitted_at"]!.GetValue<string>())
            {
                Violations.Enqueue($"paging from a run this server never sent: {body.ToJsonString()}");
                return new JsonArray();
            }

            start = index + 1;
        }

        int limit = body["limit"]!.GetValue<int>();
        return new JsonArray(active.Skip(start).Take(limit).Select(r => (JsonNode)r.DeepClone()).ToArray());
    }

    private bool KnowsProject(string project) => Projects.Contains(project) || Runs.Any(r => ProjectOf(r) == project);

    private static string ProjectOf(JsonObject run) => run["project_name"]!.GetValue<string>();

    private static bool IsFinished(JsonObject run) => run["status"]!.GetValue<string>() is "terminated" or "failed" or "done";

    private List<string> Check(RecordedRequest request)
    {
        var problems = new List<string>();
        if (request.Method != "POST")
        {
            problems.Add("method is not POST");
        }

        if (request.Authorization is null || !request.Authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            problems.Add("no 'Authorization: Bearer' header");
        }

        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.Ordinal))
        {
            problems.Add($"content type is '{request.ContentType}', not application/json");
        }

        var body = request.Json;
        if (body is null)
        {
            problems.Add($"body is not a JSON object: {request.Body}");
            return problems;
        }

        string local = request.Path.Substring(Prefix.Length);
        if (local == "/api/runs/list")
        {
            CheckListBody(body, problems);
        }
        else if (GetProjectPath().IsMatch(local))
        {
            if (body.Count != 0)
            {
                problems.Add($"projects/get body is not {{}}: {request.Body}");
            }
        }
        else if (GetRunPath().IsMatch(local))
        {
            if (body.Count != 1 || body["run_name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                problems.Add($"runs/get body is not {{\"run_name\": …}}: {request.Body}");
            }
        }
        else
        {
            problems.Add("unknown API path");
        }

        return problems;
    }

    private static void CheckListBody(JsonObject body, List<string> problems)
    {
        if (body["project_name"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
        {
            problems.Add("runs/list body has no project_name string");
        }

        if (body["only_active"]?.GetValueKind() != System.Text.Json.JsonValueKind.True)
        {
            problems.Add("runs/list body does not say only_active: true");
        }

        if (body["limit"]?.GetValueKind() != System.Text.Json.JsonValueKind.Number || body["limit"]!.GetValue<int>() != 100)
        {
            problems.Add("runs/list body does not say limit: 100");
        }

        bool hasPrevAt = body.ContainsKey("prev_submitted_at");
        bool hasPrevId = body.ContainsKey("prev_run_id");
        if (hasPrevAt != hasPrevId)
        {
            problems.Add("runs/list body has only one of prev_submitted_at and prev_run_id");
        }

        var unknown = body.Select(p => p.Key).Except(new[] { "project_name", "only_active", "limit", "prev_submitted_at", "prev_run_id" }).ToList();
        if (unknown.Count > 0)
        {
            problems.Add("runs/list body has unexpected fields: " + string.Join(", ", unknown));
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeResponse answer)
    {
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        await context.Response.WriteAsync(answer.Body, context.RequestAborted);
    }

    [GeneratedRegex("^/api/project/([a-zA-Z0-9_-]{1,50})/runs/get$")]
    private static partial Regex GetRunPath();

    [GeneratedRegex("^/api/projects/([a-zA-Z0-9_-]{1,50})/get$")]
    private static partial Regex GetProjectPath();
}
