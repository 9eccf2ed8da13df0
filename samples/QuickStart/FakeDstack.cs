using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace QuickStart;

/// <summary>
/// A stand-in for a dstack deployment, so the sample runs with nothing to set up: a dstack server on 127.0.0.1
/// (the REST API and its own model proxy) and a "gateway" on another port. Both pick free ports.
/// </summary>
internal sealed class FakeDstack : IAsyncDisposable
{
    public const string Token = "quickstart-token";
    public const string Project = "main";

    private readonly WebApplication _server;
    private readonly WebApplication _gateway;

    private FakeDstack(WebApplication server, WebApplication gateway)
    {
        _server = server;
        _gateway = gateway;
    }

    public Uri ServerUrl => new(_server.Urls.First());

    public static async Task<FakeDstack> StartAsync()
    {
        var gateway = CreateApp();
        MapChatCompletions(gateway, "/v1/chat/completions", "gateway");
        await gateway.StartAsync();
        var gatewayUrl = gateway.Urls.First().TrimEnd('/');

        var server = CreateApp();
        var runs = new JsonArray
        {
            Run("qwen36", "running", "Qwen/Qwen3.6-27B", "/proxy/services/main/qwen36/v1", minute: 1),
            Run("llama31-gw", "running", "meta-llama/Meta-Llama-3.1-70B-Instruct", gatewayUrl + "/v1", minute: 2),
            Run("llama31", "running", "meta-llama/Meta-Llama-3.1-8B-Instruct", "/proxy/models/main/", minute: 3),
            Run("mistral", "provisioning", "mistralai/Mistral-7B-Instruct-v0.3", "/proxy/services/main/mistral/v1", minute: 4),
        };

        server.MapPost("/api/runs/list", async (HttpContext http) =>
        {
            if (!Authorized(http))
            {
                return Unauthorized();
            }

            // Every run fits on the first page; a request for the next page gets an empty one.
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            bool nextPage = body.RootElement.TryGetProperty("prev_submitted_at", out var prev) && prev.ValueKind != JsonValueKind.Null;
            return Results.Content(nextPage ? "[]" : runs.ToJsonString(), "application/json");
        });

        server.MapPost("/api/project/{project}/runs/get", async (HttpContext http, string project) =>
        {
            if (!Authorized(http))
            {
                return Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            string? runName = body.RootElement.TryGetProperty("run_name", out var name) ? name.GetString() : null;
            var run = project == Project ? runs.FirstOrDefault(r => (string?)r!["run_spec"]!["run_name"] == runName) : null;
            return run is null
                ? Results.Json(new { detail = new[] { new { msg = $"Run {runName} not found", code = "resource_not_exists" } } }, statusCode: 400)
                : Results.Content(run.ToJsonString(), "application/json");
        });

        MapChatCompletions(server, "/proxy/services/main/qwen36/v1/chat/completions", "dstack-server proxy");
        MapChatCompletions(server, "/proxy/models/main/chat/completions", "dstack-server proxy");
        await server.StartAsync();
        return new FakeDstack(server, gateway);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private static WebApplication CreateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        return builder.Build();
    }

    /// <summary>An OpenAI-compatible chat endpoint that answers with the model's name and where it was reached.</summary>
    private static void MapChatCompletions(WebApplication app, string path, string servedBy)
    {
        app.MapPost(path, async (HttpContext http) =>
        {
            if (!Authorized(http))
            {
                return Unauthorized();
            }

            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            string model = body.RootElement.GetProperty("model").GetString() ?? "?";
            var completion = new JsonObject
            {
                ["id"] = "chatcmpl-quickstart",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = model,
                ["choices"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["index"] = 0,
                        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = $"Hello from {model}, reached through the {servedBy} at {http.Request.Path}." },
                        ["finish_reason"] = "stop",
                    },
                },
                ["usage"] = new JsonObject { ["prompt_tokens"] = 5, ["completion_tokens"] = 12, ["total_tokens"] = 17 },
            };
            return Results.Content(completion.ToJsonString(), "application/json");
        });
    }

    private static bool Authorized(HttpContext http) => http.Request.Headers.Authorization.ToString() == "Bearer " + Token;

    private static IResult Unauthorized()
        => Results.Json(new { detail = new[] { new { msg = "Unauthorized", code = "not_authenticated" } } }, statusCode: 401);

    /// <summary>A run as /api/runs/list returns it, cut down to the fields a client reads.</summary>
    private static JsonObject Run(string runName, string status, string modelName, string baseUrl, int minute) => new()
    {
        ["id"] = $"00000000-0000-4000-8000-00000000000{minute}",
        ["project_name"] = Project,
        ["submitted_at"] = $"2026-11-01T10:0{minute}:00+00:00",
        ["status"] = status,
        ["run_spec"] = new JsonObject { ["run_name"] = runName },
        ["service"] = new JsonObject
        {
            ["url"] = baseUrl,
            ["model"] = new JsonObject { ["name"] = modelName, ["base_url"] = baseUrl, ["type"] = "chat" },
        },
    };
}
