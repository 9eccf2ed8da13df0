using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>An OpenAI-compatible model: answers <c>POST …/chat/completions</c> with a valid <c>chat.completion</c>.</summary>
internal sealed class FakeChatModel
{
    public const string Reply = "pong from the fake model";

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public async Task HandleAsync(HttpContext context)
    {
        var request = await RecordedRequest.ReadAsync(context.Request);
        Requests.Enqueue(request);
        if (request.Method != "POST" || !request.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync($"{{\"error\":{{\"message\":\"no route {request.Method} {request.Path}\"}}}}");
            return;
        }

        string model = request.Json?["model"]?.GetValue<string>() ?? "unknown";
        var completion = new JsonObject
        {
            ["id"] = "chatcmpl-fake-1",
            ["object"] = "chat.completion",
            ["created"] = 1_787_000_000,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Reply },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 3, ["completion_tokens"] = 5, ["total_tokens"] = 8 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(completion.ToJsonString());
    }
}
