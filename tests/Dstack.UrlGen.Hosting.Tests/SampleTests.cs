using System.Net;
using System.Text.Json;
using Dstack.UrlGen.Tests.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>samples/WebApi through WebApplicationFactory: with its embedded fake dstack, and pointed at the tests' fake server by settings.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task The_sample_answers_both_models_and_reports_healthy_on_its_embedded_server()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b.UseSetting("Demo", "true"));
        using var http = factory.CreateClient();

        var qwen = await JsonAsync(http, "/chat/qwen36");
        Assert.Equal("Qwen/Qwen3.6-27B", qwen.GetProperty("modelId").GetString());
        Assert.Equal("Hello from Qwen/Qwen3.6-27B, reached through the dstack-server proxy at /proxy/services/main/qwen36/v1/chat/completions.", qwen.GetProperty("reply").GetString());

        var llama = await JsonAsync(http, "/chat/Llama");
        Assert.Equal("Hello from meta-llama/Meta-Llama-3.1-70B-Instruct, reached through the gateway at /v1/chat/completions.", llama.GetProperty("reply").GetString());

        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("All 2 dstack model(s) run.", body.GetProperty("checks").GetProperty("dstack").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_sample_follows_its_Dstack_settings_and_reports_a_model_that_is_not_running()
    {
        await using var server = await FakeDstackServer.StartAsync();
        await using var replica = await ModelBackend.StartAsync("the replica");
        server.Proxy = replica.HandleAsync;
        int index = server.Runs.FindIndex(r => RunFixtures.RunName(r) == "llama31-gw");
        server.Runs[index] = RunFixtures.WithStatus(server.Runs[index], "provisioning");

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Dstack:ServerUrl", server.ServerUrl.AbsoluteUri)
            .UseSetting("Dstack:Token", FakeDstackServer.Token)
            .UseSetting("Dstack:Project", FakeDstackServer.MainProject));
        using var http = factory.CreateClient();

        var qwen = await JsonAsync(http, "/chat/Qwen");
        Assert.Equal(replica.Reply("Qwen/Qwen3.6-27B"), qwen.GetProperty("reply").GetString());

        var llama = await http.GetAsync("/chat/llama31-gw");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, llama.StatusCode);
        Assert.Contains("provisioning", await llama.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());

        var unknown = await http.GetAsync("/chat/gpt-5");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
