using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Dstack.UrlGen.Tests.Client;
using Microsoft.AspNetCore.Http;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>
/// An OpenAI-compatible model on its own 127.0.0.1 port (a replica or a gateway): answers <c>…/chat/completions</c>
/// with a completion, or with server-sent events when the request says <c>"stream": true</c>. <see cref="Status"/>
/// makes it fail instead; disposing it makes its port refuse connections.
/// </summary>
internal sealed class ModelBackend : IAsyncDisposable
{
    private LoopbackServer? _server;

    private ModelBackend(string name) => Name = name;

    public string Name { get; }

    public Uri BaseAddress => _server!.BaseAddress;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>When set, every request is answered with this status and an OpenAI-shaped error.</summary>
    public int? Status { get; set; }

    public string Reply(string model) => $"{model} answered by {Name}";

    public static async Task<ModelBackend> StartAsync(string name)
    {
        var backend = new ModelBackend(name);
        backend._server = await LoopbackServer.StartAsync(backend.HandleAsync);
        return backend;
    }

    /// <summary>Serves the same requests on a dstack server's proxy path (the server's <c>Proxy</c> delegate).</summary>
    public Task HandleAsync(HttpContext context) => HandleCoreAsync(context);

    private async Task HandleCoreAsync(HttpContext context)
    {
        var request = await RecordedRequest.ReadAsync(context.Request);
        Requests.Enqueue(request);
        if (Status is int status)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            // The OpenAI SDK retries 429 and 5xx itself; told to wait a millisecond, the tests stay fast.
            context.Response.Headers["retry-after-ms"] = "1";

            await context.Response.WriteAsync($"{{\"error\":{{\"message\":\"{Name} says {status}\",\"type\":\"test\"}}}}");
            return;
        }

        if (request.Method != "POST" || !request.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("{\"error\":{\"message\":\"no such route\"}}");
            return;
        }

        string model = request.Json?["model"]?.GetValue<string>() ?? "unknown";
        bool stream = request.Json?["stream"]?.GetValue<bool>() == true;
        if (!stream)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Completion(model, Reply(model)).ToJsonString());
            return;
        }

        context.Response.ContentType = "text/event-stream";
        foreach (string word in Reply(model).Split(' '))
        {
            await context.Response.WriteAsync("data: " + Chunk(model, word + " ").ToJsonString() + "\n\n");
            await context.Response.Body.FlushAsync();
        }

        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Completion(string model, string text) => new()
    {
        ["id"] = "chatcmpl-hosting-test",
        ["object"] = "chat.completion",
        ["created"] = 1_787_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 3, ["completion_tokens"] = 5, ["total_tokens"] = 8 },
    };

    private static JsonObject Chunk(string model, string text) => new()
    {
        ["id"] = "chatcmpl-hosting-test",
        ["object"] = "chat.completion.chunk",
        ["created"] = 1_787_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = new JsonObject { ["content"] = text },
            ["finish_reason"] = null,
        }),
    };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
            _server = null;
        }
    }
}
