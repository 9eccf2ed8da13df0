using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Tests.Client;

public class GetModelTests
{
    [Theory]
    [InlineData("", "Qwen/Qwen3.6-27B", "qwen36", "{root}/proxy/services/main/qwen36/v1", DstackUrlKind.Server)]
    [InlineData("/some/prefix", "Qwen/Qwen3.6-27B", "qwen36", "{root}/proxy/services/main/qwen36/v1", DstackUrlKind.Server)]
    [InlineData("", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama31", "{root}/proxy/models/main/", DstackUrlKind.Server)]
    [InlineData("/some/prefix", "meta-llama/Meta-Llama-3.1-8B-Instruct", "llama31", "{root}/proxy/models/main/", DstackUrlKind.Server)]
    [InlineData("", "Qwen/Qwen3.6-27B-GW", "qwen36-gw", "https://qwen36-gw.example.com/v1", DstackUrlKind.Gateway)]
    [InlineData("", "meta-llama/Meta-Llama-3.1-70B-Instruct", "llama31-gw", "https://gateway.example.com/", DstackUrlKind.Gateway)]
    public async Task Finds_a_model_by_name_and_resolves_its_base_url(string prefix, string model, string run, string expected, DstackUrlKind kind)
    {
        await using var server = await FakeDstackServer.StartAsync(prefix);
        using var client = server.CreateClient();

        var endpoint = await client.GetModelAsync(model);

        Assert.Equal(model, endpoint.ModelName);
        Assert.Equal(run, endpoint.RunName);
        Assert.Equal("main", endpoint.Project);
        Assert.Equal(expected.Replace("{root}", server.ServerUrl.AbsoluteUri.TrimEnd('/')), endpoint.Url.AbsoluteUri);
        Assert.Equal(kind, endpoint.Kind);
        Assert.Equal(prefix + "/api/runs/list", Assert.Single(server.Requests).Path);
    }

    [Theory]
    [InlineData("", "qwen36", "Qwen/Qwen3.6-27B", "{root}/proxy/services/main/qwen36/v1")]
    [InlineData("/some/prefix", "qwen36", "Qwen/Qwen3.6-27B", "{root}/proxy/services/main/qwen36/v1")]
    [InlineData("", "llama31-gw", "meta-llama/Meta-Llama-3.1-70B-Instruct", "https://gateway.example.com/")]
    public async Task Finds_a_model_by_run_name_with_one_runs_get(string prefix, string run, string model, string expected)
    {
        await using var server = await FakeDstackServer.StartAsync(prefix);
        using var client = server.CreateClient();

        var endpoint = await client.GetRunModelAsync(run);

        Assert.Equal(model, endpoint.ModelName);
        Assert.Equal(run, endpoint.RunName);
        Assert.Equal(expected.Replace("{root}", server.ServerUrl.AbsoluteUri.TrimEnd('/')), endpoint.Url.AbsoluteUri);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(prefix + "/api/project/main/runs/get", request.Path);
        Assert.Equal("Bearer " + FakeDstackServer.Token, request.Authorization);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["run_name"] = run }, request.Json));
    }

    [Fact]
    public async Task Asks_the_project_given_to_the_call()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var run = RunFixtures.Load("run_server_openai.json");
        run["project_name"] = "research";
        server.Runs.Add(run);
        using var client = server.CreateClient();

        var endpoint = await client.GetRunModelAsync("qwen36", "research");

        Assert.Equal("research", endpoint.Project);
        Assert.Equal("/api/project/research/runs/get", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Prefers_a_running_run_when_several_serve_the_model()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var pending = RunFixtures.WithStatus(RunFixtures.Load("run_server_openai.json"), "provisioning");
        pending["run_spec"]!["run_name"] = "qwen36-new";
        pending["id"] = Guid.NewGuid().ToString();
        server.Runs.Insert(0, pending);
        using var client = server.CreateClient();

        var endpoint = await client.GetModelAsync("Qwen/Qwen3.6-27B");

        Assert.Equal("qwen36", endpoint.RunName);
    }

    [Fact]
    public async Task Model_names_match_exactly()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.GetModelAsync("qwen/qwen3.6-27b"));

        Assert.Contains("Qwen/Qwen3.6-27B", error.AvailableModels);
    }
}
