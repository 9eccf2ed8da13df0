using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The model behind dstack's proxy: Kestrel on 127.0.0.1 answering as an OpenAI-compatible server
/// (<c>POST …/chat/completions</c>, also streamed as server-sent events) and as Text Generation Inference
/// (<c>POST /generate</c>, which dstack's deprecated <c>/proxy/models/{project}/</c> route translates to), plus
/// <c>GET …/ping</c> for opening a replica's tunnel. Every replica the suite serves points at this one port.
/// </summary>
internal sealed class FakeModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _chatRequests;

    private FakeModelServer(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Chat requests that reached the model (OpenAI or TGI form).</summary>
    public int ChatRequests => Volatile.Read(ref _chatRequests);

    /// <summary>The reply to a chat for <paramref name="model"/>: the model name shows which request got through.</summary>
    public static string Reply(string model) => $"conformance reply from {model}";

    public static async Task<FakeModelServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeModelServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeModelServer(app, new Uri(address).Port);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        string path = context.Request.Path.Value ?? string.Empty;
        if (HttpMethods.IsGet(context.Request.Method) && path.EndsWith("/ping", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync("pong");
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = 405;
            return;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body) as JsonObject;
        if (path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _chatRequests);
            string model = body?["model"]?.GetValue<string>() ?? "unknown";
            bool stream = body?["stream"]?.GetValue<bool>() == true;
            await (stream ? StreamAsync(context, model) : CompleteAsync(context, model));
            return;
        }

        if (path == "/generate")
        {
            Interlocked.Increment(ref _chatRequests);
            await GenerateAsync(context);
            return;
        }

        context.Response.StatusCode = 404;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["message"] = $"no route {path}" } });
    }

    private static Task CompleteAsync(HttpContext context, string model)
    {
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-conformance",
            ["object"] = "chat.completion",
            ["created"] = 1_787_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply(model) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 3, ["completion_tokens"] = 4, ["total_tokens"] = 7 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(completion.ToJsonString());
    }

    /// <summary>The reply in three pieces, as OpenAI streams it: <c>data: {chunk}</c> events, then <c>data: [DONE]</c>.</summary>
    private static async Task StreamAsync(HttpContext context, string model)
    {
        context.Response.ContentType = "text/event-stream";
        string reply = Reply(model);
        int cut = reply.IndexOf(' ', StringComparison.Ordinal) + 1;
        var pieces = new[] { reply.Substring(0, cut), reply.Substring(cut) };
        await WriteEventAsync(context, Chunk(model, new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null));
        foreach (var piece in pieces)
        {
            await WriteEventAsync(context, Chunk(model, new JsonObject { ["content"] = piece }, null));
        }

        await WriteEventAsync(context, Chunk(model, new JsonObject(), "stop"));
        await context.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static JsonObject Chunk(string model, JsonObject delta, string? finishReason)
        => new()
        {
            ["id"] = "chatcmpl-conformance",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_787_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        };

    private static async Task WriteEventAsync(HttpContext context, JsonObject chunk)
    {
        await context.Response.WriteAsync("data: " + chunk.ToJsonString() + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    /// <summary>Text Generation Inference's <c>/generate</c> answer; dstack turns it into a chat completion.</summary>
    private static Task GenerateAsync(HttpContext context)
    {
        var answer = new JsonObject
        {
            ["generated_text"] = Reply(KitRuns.TgiModel),
            ["details"] = new JsonObject { ["finish_reason"] = "eos_token", ["generated_tokens"] = 4, ["prefill"] = new JsonArray(), ["seed"] = 1 },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(answer.ToJsonString());
    }
}
