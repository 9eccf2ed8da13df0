using System.Text;
using System.Text.Json;
using Dstack.UrlGen.Tests;
using Dstack.UrlGen.Tests.Client;
using Microsoft.AspNetCore.Http;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// The smallest dstack server the consumer needs: runs/list and runs/get of project "main" from
/// tests/fixtures/dstack/runs_list.json, behind a bearer token.
/// </summary>
internal sealed class FixtureDstackServer : IAsyncDisposable
{
    public const string Token = "consumer-test-token";

    private readonly LoopbackServer _server;

    private FixtureDstackServer(LoopbackServer server) => _server = server;

    public Uri ServerUrl => _server.BaseAddress;

    public static async Task<FixtureDstackServer> StartAsync()
    {
        var runs = RunFixtures.List();
        return new FixtureDstackServer(await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method != "POST" || context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            string? answer = context.Request.Path.Value switch
            {
                // One page holds every run; the next page is empty.
                "/api/runs/list" => body.RootElement.TryGetProperty("prev_submitted_at", out var prev) && prev.ValueKind != JsonValueKind.Null
                    ? "[]"
                    : Fixtures.Read("dstack/runs_list.json"),
                "/api/project/main/runs/get" => runs.FirstOrDefault(r => RunFixtures.RunName(r) == body.RootElement.GetProperty("run_name").GetString())?.ToJsonString(),
                _ => null,
            };
            context.Response.StatusCode = answer is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer ?? """{"detail":[{"msg":"not found","code":"resource_not_exists"}]}"""));
        }));
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
