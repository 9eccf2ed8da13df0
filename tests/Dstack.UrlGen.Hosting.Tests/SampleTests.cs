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

        // Qwen comes from the sample's qwen36.dstack.yml: its class is DstackServices.Qwen36.
        var qwen = await JsonAsync(http, "/chat/Qwen36");
        Assert.Equal(replica.Reply("Qwen/Qwen3.6-27B"), qwen.GetProperty("reply").GetString());

        var llama = await http.GetAsync("/chat/Llama");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, llama.StatusCode);
        Assert.Contains("provisioning", await llama.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var health = await http.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", body.GetProperty("status").GetString());

        var unknown = await http.GetAsync("/chat/gpt-5");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task The_sample_serves_the_models_its_Models_settings_name_instead_of_the_declared_ones()
    {
        await using var server = await FakeDstackServer.StartAsync();
        await using var replica = await ModelBackend.StartAsync("the replica");
        server.Proxy = replica.HandleAsync;

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Dstack:ServerUrl", server.ServerUrl.AbsoluteUri)
            .UseSetting("Dstack:Token", FakeDstackServer.Token)
            .UseSetting("Dstack:Project", FakeDstackServer.MainProject)
            .UseSetting("Models:0:ModelName", "meta-llama/Meta-Llama-3.1-8B-Instruct")
            .UseSetting("Models:0:Run", "llama31"));
        using var http = factory.CreateClient();

        var llama = await JsonAsync(http, "/chat/llama31");
        Assert.Equal(replica.Reply("meta-llama/Meta-Llama-3.1-8B-Instruct"), llama.GetProperty("reply").GetString());
        Assert.Equal("/proxy/models/main/chat/completions", Assert.Single(replica.Requests).Path);
        var byName = await JsonAsync(http, "/chat/" + Uri.EscapeDataString("meta-llama/Meta-Llama-3.1-8B-Instruct"));
        Assert.Equal(llama.GetProperty("reply").GetString(), byName.GetProperty("reply").GetString());

        var qwen = await http.GetAsync("/chat/qwen36");
        Assert.Equal(HttpStatusCode.NotFound, qwen.StatusCode);
        Assert.Contains("Known: llama31, meta-llama/Meta-Llama-3.1-8B-Instruct, Models:0.", await qwen.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var health = JsonDocument.Parse(await http.GetStringAsync("/health")).RootElement;
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("All 1 dstack model(s) run.", health.GetProperty("checks").GetProperty("dstack").GetProperty("description").GetString());
    }

    [Fact]
    public async Task The_sample_answers_502_with_the_models_status_when_the_model_fails()
    {
        await using var server = await FakeDstackServer.StartAsync();
        await using var replica = await ModelBackend.StartAsync("the replica");
        replica.Status = 401;
        server.Proxy = replica.HandleAsync;

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Dstack:ServerUrl", server.ServerUrl.AbsoluteUri)
            .UseSetting("Dstack:Token", FakeDstackServer.Token)
            .UseSetting("Dstack:Project", FakeDstackServer.MainProject));
        using var http = factory.CreateClient();

        var response = await http.GetAsync("/chat/qwen36");
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("The model answered 401", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(replica.Requests);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
