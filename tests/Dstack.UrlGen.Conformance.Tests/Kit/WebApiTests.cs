using System.Net;
using System.Text.Json;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// samples/WebApi (Dstack.UrlGen.Hosting) as a process against the real server, once the replicas are served:
/// <c>/chat/{model}</c> answers through dstack's own proxy, and <c>/health</c> reports each state the real server
/// gives it (docs/hosting.md).
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class WebApiTests
{
    private readonly ServerFixture _server;

    public WebApiTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task Its_declared_models_chat_through_dstacks_proxy_and_a_missing_one_makes_it_Degraded()
    {
        // No --Models: the sample registers what it declares (AddDeclaredModels): its qwen36.dstack.yml's service,
        // which runs and is served in this project, and the [DstackModel] Llama, which no run here serves.
        await using var sample = await WebApiProcess.StartAsync(ServerSettings(_server.Token, KitRuns.WebApiProject));
        int before = _server.Kit.Model.ChatRequests;

        var chat = await JsonAsync(sample, "/chat/" + KitRuns.WebApiRun, HttpStatusCode.OK);
        Assert.Equal(FakeModelServer.Reply(KitRuns.WebApiModel), chat.GetProperty("reply").GetString());
        Assert.Equal(KitRuns.WebApiModel, chat.GetProperty("modelId").GetString());
        Assert.Equal(before + 1, _server.Kit.Model.ChatRequests);

        var llama = await sample.Http.GetAsync("/chat/Llama");
        string problem = await llama.Content.ReadAsStringAsync();
        Assert.True(llama.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)llama.StatusCode}: {problem}\n{sample.Output}");
        Assert.Contains("meta-llama/Meta-Llama-3.1-70B-Instruct", problem, StringComparison.Ordinal);
        Assert.Contains(KitRuns.WebApiProject, problem, StringComparison.Ordinal);

        var health = await JsonAsync(sample, "/health", HttpStatusCode.OK);
        Assert.Equal("Degraded", health.GetProperty("status").GetString());
        var check = health.GetProperty("checks").GetProperty("dstack");
        Assert.StartsWith("1 of 2 dstack model(s) run. ", check.GetProperty("description").GetString(), StringComparison.Ordinal);
        var data = check.GetProperty("data");
        Assert.StartsWith("Running: ", data.GetProperty("WebApi.DstackServices.Qwen36").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("NotFound: ", data.GetProperty("WebApi.Llama").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_models_given_on_the_command_line_chat_through_dstacks_proxy_and_it_is_Healthy()
    {
        await using var sample = await WebApiProcess.StartAsync(
            [
                .. ServerSettings(_server.Token, KitRuns.MainProject),
                "--Models:0:ModelName", KitRuns.ChatModel, "--Models:0:Run", KitRuns.ChatRun,
                "--Models:1:ModelName", KitRuns.ObjectModel,
            ]);

        var byRun = await JsonAsync(sample, "/chat/" + KitRuns.ChatRun, HttpStatusCode.OK);
        Assert.Equal(FakeModelServer.Reply(KitRuns.ChatModel), byRun.GetProperty("reply").GetString());

        // Found by model name among the running models; served under its custom prefix.
        var byName = await JsonAsync(sample, "/chat/" + Uri.EscapeDataString(KitRuns.ObjectModel), HttpStatusCode.OK);
        Assert.Equal(FakeModelServer.Reply(KitRuns.ObjectModel), byName.GetProperty("reply").GetString());

        var health = await JsonAsync(sample, "/health", HttpStatusCode.OK);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("All 2 dstack model(s) run.", health.GetProperty("checks").GetProperty("dstack").GetProperty("description").GetString());
    }

    [Fact]
    public async Task A_refused_token_makes_it_Unhealthy_naming_the_setting_and_a_chat_503()
    {
        const string wrongToken = "conformance-wrong-token";
        await using var sample = await WebApiProcess.StartAsync(ServerSettings(wrongToken, KitRuns.WebApiProject));

        var health = await JsonAsync(sample, "/health", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        string description = health.GetProperty("checks").GetProperty("dstack").GetProperty("description").GetString()!;
        Assert.StartsWith("None of 2 dstack model(s) could be checked: ", description, StringComparison.Ordinal);
        Assert.Contains("(HTTP 403 Forbidden: Invalid token)", description, StringComparison.Ordinal);
        Assert.Contains("Check Dstack:Token", description, StringComparison.Ordinal);

        var chat = await sample.Http.GetAsync("/chat/" + KitRuns.WebApiRun);
        string problem = await chat.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chat.StatusCode);
        Assert.Contains("Check Dstack:Token", problem, StringComparison.Ordinal);

        foreach (var text in new[] { description, problem, sample.Output })
        {
            Assert.DoesNotContain(wrongToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("DSTACK_", text, StringComparison.Ordinal);
        }
    }

    private string[] ServerSettings(string token, string project) =>
    [
        "--Dstack:ServerUrl", _server.ServerUrl.OriginalString,
        "--Dstack:Token", token,
        "--Dstack:Project", project,
    ];

    private static async Task<JsonElement> JsonAsync(WebApiProcess sample, string path, HttpStatusCode expected)
    {
        using var response = await sample.Http.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: {(int)response.StatusCode} {body}\n--- the sample's output:\n{sample.Output}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
