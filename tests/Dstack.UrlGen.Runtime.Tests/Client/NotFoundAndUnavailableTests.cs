namespace Dstack.UrlGen.Tests.Client;

public class NotFoundAndUnavailableTests
{
    private static readonly string[] RunningModels =
    {
        "Qwen/Qwen3.6-27B", "meta-llama/Meta-Llama-3.1-70B-Instruct", "meta-llama/Meta-Llama-3.1-8B-Instruct", "Qwen/Qwen3.6-27B-GW",
    };

    [Fact]
    public async Task A_model_no_run_serves_is_not_found_and_the_running_models_are_listed()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.GetModelAsync("Qwen/Qwen9"));

        Assert.Equal(RunningModels, error.AvailableModels);
        Assert.Contains("\"Qwen/Qwen9\"", error.Message);
        Assert.Contains("project 'main'", error.Message);
        Assert.Contains(server.ServerUrl.OriginalString, error.Message);
        Assert.Contains("\"Qwen/Qwen3.6-27B\" (run 'qwen36')", error.Message);
        Assert.Equal(server.ServerUrl, error.ServerUrl);
        Assert.Equal("main", error.Project);
        ErrorAssert.NoToken(error);
    }

    [Fact]
    public async Task A_missing_run_is_not_found_and_the_running_models_are_listed()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.GetRunModelAsync("qwen63"));

        Assert.Equal(RunningModels, error.AvailableModels);
        Assert.Contains("run 'qwen63'", error.Message);
        Assert.Contains("project 'main'", error.Message);
        Assert.Contains("Run not found", error.Message);
        Assert.Equal(new[] { "/api/project/main/runs/get", "/api/runs/list" }, server.Requests.Select(r => r.Path));
        ErrorAssert.NoToken(error);
    }

    [Fact]
    public async Task A_missing_project_is_not_found()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient(project: "nosuchproject");

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        Assert.Contains("has no project 'nosuchproject' (HTTP 404 Not Found: Not found)", error.Message);
        Assert.DoesNotContain("{", error.Message);
        Assert.Empty(error.AvailableModels);
        Assert.Equal("nosuchproject", error.Project);
        Assert.Equal(new[] { "/api/runs/list", "/api/projects/nosuchproject/get" }, server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_missing_project_is_not_found_when_listing_and_when_asking_for_a_run()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient(project: "nosuchproject");

        var listError = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.ListModelsAsync());
        var runError = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.GetRunModelAsync("qwen36"));

        Assert.Contains("has no project 'nosuchproject'", listError.Message);
        Assert.Contains("has no project 'nosuchproject'", runError.Message);
        Assert.DoesNotContain("No model is running", runError.Message);
    }

    [Fact]
    public async Task A_404_is_not_found()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => FakeResponse.DstackError(404, "Not Found");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => client.ListModelsAsync());

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("project 'main'", error.Message);
        Assert.Contains("path prefix", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_provisioning_run_is_unavailable_with_its_status(bool byRun)
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => byRun
            ? client.GetRunModelAsync("mistral")
            : client.GetModelAsync("mistralai/Mistral-7B-Instruct-v0.3"));

        Assert.Equal("provisioning", error.RunStatus);
        Assert.Contains("run 'mistral'", error.Message);
        Assert.Contains("is provisioning, not running", error.Message);
        Assert.Contains("dstack logs mistral", error.Message);
        Assert.Equal("main", error.Project);
    }

    [Fact]
    public async Task A_service_without_a_model_is_unavailable()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => client.GetRunModelAsync("web-app"));

        Assert.Equal("running", error.RunStatus);
        Assert.Contains("Run 'web-app' of project 'main'", error.Message);
        Assert.Contains("service without a model", error.Message);
    }

    [Fact]
    public async Task A_run_that_is_not_a_service_is_unavailable()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => client.GetRunModelAsync("dev-box"));

        Assert.Contains("is a dev-environment, not a service", error.Message);
    }

    [Fact]
    public async Task A_terminated_run_is_unavailable()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Runs = new() { RunFixtures.WithStatus(RunFixtures.Load("run_server_openai.json"), "terminated") };
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => client.GetRunModelAsync("qwen36"));

        Assert.Equal("terminated", error.RunStatus);
    }
}
