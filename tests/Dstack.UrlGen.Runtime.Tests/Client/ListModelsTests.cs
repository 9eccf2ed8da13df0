using System.Text.Json.Nodes;

namespace Dstack.UrlGen.Tests.Client;

public class ListModelsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("/some/prefix")]
    public async Task Lists_the_running_model_services_of_the_fixture_list(string prefix)
    {
        await using var server = await FakeDstackServer.StartAsync(prefix);
        using var client = server.CreateClient();

        var models = await client.ListModelsAsync();

        string root = server.ServerUrl.AbsoluteUri.TrimEnd('/');
        Assert.Equal(
            new[]
            {
                ("Qwen/Qwen3.6-27B", "qwen36", "/proxy/services/main/qwen36/v1", root + "/proxy/services/main/qwen36/v1", DstackUrlKind.Server),
                ("meta-llama/Meta-Llama-3.1-70B-Instruct", "llama31-gw", "https://gateway.example.com", "https://gateway.example.com/", DstackUrlKind.Gateway),
                ("meta-llama/Meta-Llama-3.1-8B-Instruct", "llama31", "/proxy/models/main/", root + "/proxy/models/main/", DstackUrlKind.Server),
                ("Qwen/Qwen3.6-27B-GW", "qwen36-gw", "https://qwen36-gw.example.com/v1", "https://qwen36-gw.example.com/v1", DstackUrlKind.Gateway),
            },
            models.Select(m => (m.ModelName, m.RunName!, m.BaseUrl, m.Url.AbsoluteUri, m.Kind)));
        Assert.All(models, m => Assert.Equal("main", m.Project));

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal(prefix + "/api/runs/list", request.Path);
        Assert.Equal("Bearer " + FakeDstackServer.Token, request.Authorization);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"project_name":"main","only_active":true,"limit":100}"""), request.Json));
    }

    [Fact]
    public async Task Asks_for_the_project_given_to_the_call()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Projects.Add("research");
        using var client = server.CreateClient();

        var models = await client.ListModelsAsync("research");

        Assert.Empty(models);
        Assert.Equal("research", server.Requests.First().Json!["project_name"]!.GetValue<string>());

        // runs/list does not check the project, so an empty list is followed by the project's own request.
        Assert.Equal(new[] { "/api/runs/list", "/api/projects/research/get" }, server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Pages_through_more_than_100_runs_with_the_last_run_of_each_page()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Runs = RunFixtures.Synthesize(250);
        using var client = server.CreateClient();

        var models = await client.ListModelsAsync();

        Assert.Equal(server.Runs.Select(RunFixtures.RunName), models.Select(m => m.RunName!));
        var requests = server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.False(requests[0].Json!.ContainsKey("prev_run_id"));
        for (int page = 1; page < 3; page++)
        {
            var last = server.Runs[(page * 100) - 1];
            Assert.Equal(last["id"]!.GetValue<string>(), requests[page].Json!["prev_run_id"]!.GetValue<string>());
            Assert.Equal(last["submitted_at"]!.GetValue<string>(), requests[page].Json!["prev_submitted_at"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Asks_for_one_more_page_after_a_full_last_page()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Runs = RunFixtures.Synthesize(200);
        using var client = server.CreateClient();

        var models = await client.ListModelsAsync();

        Assert.Equal(200, models.Count);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Finds_a_model_on_a_later_page()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Runs = RunFixtures.Synthesize(230);
        using var client = server.CreateClient();

        var endpoint = await client.GetModelAsync("org/model-0217");

        Assert.Equal("svc-0217", endpoint.RunName);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task Stops_when_a_server_repeats_a_page_instead_of_paging()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var runs = RunFixtures.Synthesize(100);
        string firstPage = new JsonArray(runs.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString();
        server.Respond = _ => new FakeResponse(200, firstPage);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.ListModelsAsync());

        Assert.Contains("same run again", error.Message);
        Assert.Equal(2, server.RequestCount);
    }
}
