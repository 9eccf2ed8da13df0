namespace Dstack.UrlGen.Tests.Client;

public class VerifyTests
{
    private static DstackModelInfo Model(string name, string? project = null, string? run = null, string? baseUrl = null, string type = "Contoso.Models.M")
        => new(name, project, run, baseUrl, type);

    [Fact]
    public async Task Reports_every_state_one_check_per_model_in_order()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();
        var models = new[]
        {
            Model("Qwen/Qwen3.6-27B", run: "qwen36", type: "Contoso.Qwen"),
            Model("Qwen/Qwen3.6-27B", type: "Contoso.QwenByName"),
            Model("mistralai/Mistral-7B-Instruct-v0.3", run: "mistral", type: "Contoso.Mistral"),
            Model("mistralai/Mistral-7B-Instruct-v0.3", type: "Contoso.MistralByName"),
            Model("web/app", run: "web-app", type: "Contoso.WebApp"),
            Model("dev/box", run: "dev-box", type: "Contoso.DevBox"),
            Model("Qwen/Qwen3.6-27B", run: "qwen63", type: "Contoso.Typo"),
            Model("Nobody/Serves-This", type: "Contoso.Missing"),
            Model("Qwen/Qwen3.6-27B", project: "nosuchproject", type: "Contoso.NoProject"),
            Model("Gateway/Declared", baseUrl: "https://qwen36.example.com/v1", type: "Contoso.Declared"),
            Model("Gateway/Bad", baseUrl: "//evil.example.com/v1", type: "Contoso.BadBaseUrl"),
            Model("Qwen/Qwen3.6-27B", run: "Bad_Run", type: "Contoso.BadRun"),
            Model("meta-llama/Meta-Llama-3.1-8B-Instruct", run: "qwen36", type: "Contoso.WrongModel"),
        };

        var report = await client.VerifyAsync(models);

        Assert.Equal(models, report.Checks.Select(c => c.Model));
        Assert.Equal(
            new[]
            {
                DstackModelState.Running, DstackModelState.Running, DstackModelState.NotRunning, DstackModelState.NotRunning,
                DstackModelState.NoModel, DstackModelState.NoModel, DstackModelState.NotFound, DstackModelState.NotFound,
                DstackModelState.NotFound, DstackModelState.Running, DstackModelState.Error, DstackModelState.Error, DstackModelState.NotFound,
            },
            report.Checks.Select(c => c.State));
        Assert.False(report.IsSuccess);
        Assert.All(report.Checks, c =>
        {
            Assert.StartsWith($"{c.Model.DeclaringType} (\"{c.Model.ModelName}\"): ", c.Message);
            Assert.DoesNotContain('\n', c.Message);
            Assert.DoesNotContain(FakeDstackServer.Token, c.Message);
            Assert.Equal(c.State == DstackModelState.Running, c.Endpoint is not null);
        });

        var byType = report.Checks.ToDictionary(c => c.Model.DeclaringType);
        Assert.Equal(server.ServerUrl.AbsoluteUri.TrimEnd('/') + "/proxy/services/main/qwen36/v1", byType["Contoso.Qwen"].Endpoint!.Url.AbsoluteUri);
        Assert.Equal("running", byType["Contoso.Qwen"].RunStatus);
        Assert.Equal("qwen36", byType["Contoso.QwenByName"].Endpoint!.RunName);
        Assert.Equal("provisioning", byType["Contoso.Mistral"].RunStatus);
        Assert.Contains("run 'mistral' of project 'main'", byType["Contoso.Mistral"].Message);
        Assert.Equal("provisioning", byType["Contoso.MistralByName"].RunStatus);
        Assert.Contains("service without a model", byType["Contoso.WebApp"].Message);
        Assert.Contains("dev-environment", byType["Contoso.DevBox"].Message);
        Assert.Contains("no run 'qwen63' in project 'main'", byType["Contoso.Typo"].Message);
        Assert.Contains("\"Nobody/Serves-This\"", byType["Contoso.Missing"].Message);
        Assert.Contains("Running models in project 'main'", byType["Contoso.Missing"].Message);
        Assert.Contains("has no project 'nosuchproject' (HTTP 404 Not Found: Not found)", byType["Contoso.NoProject"].Message);
        Assert.Null(byType["Contoso.Declared"].Endpoint!.RunName);
        Assert.Equal("https://qwen36.example.com/v1", byType["Contoso.Declared"].Endpoint!.Url.AbsoluteUri);
        Assert.Equal(DstackUrlKind.Gateway, byType["Contoso.Declared"].Endpoint!.Kind);
        Assert.Contains("starts with \"//\"", byType["Contoso.BadBaseUrl"].Message);
        Assert.Contains("^[a-z][a-z0-9-]{1,40}$", byType["Contoso.BadRun"].Message);
        Assert.Contains("serves model \"Qwen/Qwen3.6-27B\", not \"meta-llama/Meta-Llama-3.1-8B-Instruct\"", byType["Contoso.WrongModel"].Message);
    }

    [Fact]
    public async Task Lists_each_project_once_and_asks_runs_by_name_and_nothing_for_a_declared_base_url()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Projects.Add("research");
        using var client = server.CreateClient();

        await client.VerifyAsync(new[]
        {
            Model("Qwen/Qwen3.6-27B"),
            Model("Qwen/Qwen3.6-27B-GW"),
            Model("Other/Model", project: "research"),
            Model("Qwen/Qwen3.6-27B", run: "qwen36"),
            Model("Declared/Model", baseUrl: "/proxy/models/main/"),
        });

        Assert.Equal(
            new[] { "/api/runs/list main", "/api/runs/list research", "/api/projects/research/get", "/api/project/main/runs/get qwen36" },
            server.Requests.Select(r => (r.Path + " " + (r.Json!["project_name"] ?? r.Json!["run_name"])?.GetValue<string>()).TrimEnd()));
    }

    [Theory]
    [InlineData(403, "Invalid token")]
    [InlineData(403, "Access denied")]
    [InlineData(401, "Not authenticated")]
    public async Task A_refused_token_is_an_authentication_error_not_a_failed_check(int status, string message)
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => status == 401 ? new FakeResponse(401, $$"""{"detail":"{{message}}"}""") : FakeResponse.DstackObjectError(status, message);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => client.VerifyAsync(new[] { Model("Qwen/Qwen3.6-27B"), Model("Qwen/Qwen3.6-27B", run: "qwen36") }));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(message, error.ServerMessage);
        Assert.Contains("project 'main'", error.Message);
        Assert.DoesNotContain("{", error.Message);
        ErrorAssert.NoToken(error);
    }

    [Fact]
    public async Task A_running_model_found_by_a_verification_is_cached_for_its_accessor()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var report = await client.VerifyAsync(new[] { Model("Qwen/Qwen3.6-27B", run: "qwen36"), Model("Qwen/Qwen3.6-27B-GW") });
        int afterVerify = server.RequestCount;
        var byRun = await client.GetRunModelAsync("qwen36");
        var byName = await client.GetModelAsync("Qwen/Qwen3.6-27B-GW");

        Assert.True(report.IsSuccess);
        Assert.Equal(afterVerify, server.RequestCount);
        Assert.Equal(report.Checks[0].Endpoint, byRun);
        Assert.Equal(report.Checks[1].Endpoint, byName);
    }

    [Fact]
    public async Task The_models_project_wins_over_the_clients()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var research = RunFixtures.Load("run_server_openai.json");
        research["project_name"] = "research";
        server.Runs = new() { research };
        using var client = server.CreateClient();

        var report = await client.VerifyAsync(new[] { Model("Qwen/Qwen3.6-27B", project: "research", run: "qwen36") });

        var check = Assert.Single(report.Checks);
        Assert.Equal(DstackModelState.Running, check.State);
        Assert.Equal("research", check.Endpoint!.Project);
        Assert.Equal("/api/project/research/runs/get", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task EnsureSuccess_lists_every_failed_model_on_its_own_line()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var report = await client.VerifyAsync(new[]
        {
            Model("Qwen/Qwen3.6-27B", type: "A.Running"),
            Model("mistralai/Mistral-7B-Instruct-v0.3", type: "A.Pending"),
            Model("No/Such", type: "A.Missing"),
        });
        var error = Assert.Throws<DstackModelUnavailableException>(report.EnsureSuccess);

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("  - A.Pending (\"mistralai/Mistral-7B-Instruct-v0.3\"): ", lines[1]);
        Assert.StartsWith("  - A.Missing (\"No/Such\"): ", lines[2]);
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_is_an_error_state_not_an_exception()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => FakeResponse.DstackError(500, "down for maintenance");
        using var client = server.CreateClient();

        var report = await client.VerifyAsync(new[] { Model("Qwen/Qwen3.6-27B"), Model("Qwen/Qwen3.6-27B", run: "qwen36") });

        Assert.All(report.Checks, c =>
        {
            Assert.Equal(DstackModelState.Error, c.State);
            Assert.Contains("down for maintenance", c.Message);
        });
    }

    [Fact]
    public async Task An_empty_catalog_succeeds_without_a_request()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var report = await client.VerifyAsync(Array.Empty<DstackModelInfo>());

        Assert.True(report.IsSuccess);
        Assert.Empty(report.Checks);
        Assert.Equal(0, server.RequestCount);
    }
}
