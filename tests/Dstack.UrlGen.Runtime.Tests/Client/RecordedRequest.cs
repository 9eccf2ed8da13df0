using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>One request a loopback server received, as it arrived.</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Authorization, string? ContentType, string Body)
{
    public JsonObject? Json
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body) as JsonObject;
            }
            catch (System.Text.Json.JsonException)
            {
                return null;
            }
        }
    }

    public static async Task<RecordedRequest> ReadAsync(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        string body = await reader.ReadToEndAsync();
        return new RecordedRequest(request.Method, request.Path.Value ?? string.Empty, request.Headers.Authorization.ToString(), request.ContentType, body);
    }
}

/// <summary>A canned answer: status, body and content type, optionally after a delay.</summary>
internal sealed record FakeResponse(int Status, string Body, string ContentType = "application/json", TimeSpan Delay = default)
{
    /// <summary>dstack's error shape: <c>{"detail":[{"msg":…,"code":…}]}</c>.</summary>
    public static FakeResponse DstackError(int status, string message, string code = "error")
        => new(status, new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["msg"] = message, ["code"] = code }) }.ToJsonString());

    /// <summary>dstack's shape for a refused token and a missing project: <c>{"detail":{"msg":…,"code":null}}</c> (dstack 0.21.2).</summary>
    public static FakeResponse DstackObjectError(int status, string message)
        => new(status, new JsonObject { ["detail"] = new JsonObject { ["msg"] = message, ["code"] = null } }.ToJsonString());
}
