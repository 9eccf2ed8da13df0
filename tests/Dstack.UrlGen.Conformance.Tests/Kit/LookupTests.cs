namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>GetRunModelAsync, GetModelAsync and ListModelsAsync for every kind of run the real server holds.</summary>
[Collection(ServerCollection.Name)]
public sealed class LookupTests
{
    private readonly ServerFixture _server;

    public LookupTests(ServerFixture server) => _server = server;

    [Theory]
    [InlineData(KitRuns.ChatRun, KitRuns.ChatModel, "/proxy/services/main/conf-chat/v1")]
    [InlineData(KitRuns.ObjectRun, KitRuns.ObjectModel, "/proxy/services/main/conf-object/custom/v1")]
    [InlineData(KitRuns.TgiRun, KitRuns.TgiModel, "/proxy/models/main/")]
    public async Task A_running_model_is_found_by_run_by_name_and_in_the_list(string run, string model, string baseUrl)
    {
        using var counted = _server.CreateClient();
        var client = counted.Client;

        var byRun = await client.GetRunModelAsync(run);
        var byName = await client.GetModelAsync(model);
        var listed = await client.ListModelsAsync();

        var expected = new DstackModelEndpoint(model, KitRuns.MainProject, run, baseUrl, new Uri(_server.ServerUrl, baseUrl), DstackUrlKind.Server);
        Assert.Equal(expected, byRun);
        Assert.Equal(expected, byName);
        Assert.Contains(expected, listed);
        Assert.Equal(_server.ServerUrl.GetLeftPart(UriPartial.Authority) + baseUrl, byRun.Url.AbsoluteUri);
    }

    [Fact]
    public async Task The_list_holds_the_running_models_and_nothing_else()
    {
        using var counted = _server.CreateClient();

        var names = (await counted.Client.ListModelsAsync()).Select(e => e.ModelName).ToList();

        Assert.Contains(KitRuns.ChatModel, names);
        Assert.Contains(KitRuns.ObjectModel, names);
        Assert.Contains(KitRuns.TgiModel, names);
        Assert.Contains(KitRuns.MovingModel, names);
        Assert.DoesNotContain(KitRuns.ProvisioningModel, names);
        Assert.DoesNotContain(KitRuns.FailedModel, names);
        Assert.DoesNotContain(KitRuns.PrivateModel, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task A_service_without_a_model_is_unavailable()
    {
        using var counted = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => counted.Client.GetRunModelAsync(KitRuns.NoModelRun));

        Assert.Equal("running", error.RunStatus);
        Assert.Contains($"Run '{KitRuns.NoModelRun}' of project 'main'", error.Message);
        Assert.Contains("service without a model", error.Message);
        Clean(error);
    }

    [Fact]
    public async Task A_task_is_unavailable_as_not_a_service()
    {
        using var counted = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => counted.Client.GetRunModelAsync(KitRuns.TaskRun));

        Assert.Contains("is a task, not a service", error.Message);
        Clean(error);
    }

    [Fact]
    public async Task A_provisioning_run_is_unavailable_with_its_status_by_run_and_by_name()
    {
        using var counted = _server.CreateClient();

        var byRun = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => counted.Client.GetRunModelAsync(KitRuns.ProvisioningRun));
        var byName = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => counted.Client.GetModelAsync(KitRuns.ProvisioningModel));

        Assert.Equal("provisioning", byRun.RunStatus);
        Assert.Equal("provisioning", byName.RunStatus);
        Assert.Contains("is provisioning, not running", byName.Message);
        Clean(byRun);
    }

    [Fact]
    public async Task A_failed_run_is_unavailable_by_run_and_not_found_by_name_as_it_is_no_longer_active()
    {
        using var counted = _server.CreateClient();

        var byRun = await Assert.ThrowsAsync<DstackModelUnavailableException>(() => counted.Client.GetRunModelAsync(KitRuns.FailedRun));
        var byName = await Assert.ThrowsAsync<DstackNotFoundException>(() => counted.Client.GetModelAsync(KitRuns.FailedModel));

        Assert.Equal("failed", byRun.RunStatus);
        Assert.Contains(KitRuns.ChatModel, byName.AvailableModels);
        Assert.Contains($"\"{KitRuns.FailedModel}\"", byName.Message);
        Clean(byRun);
        Clean(byName);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found_and_the_running_models_are_listed()
    {
        using var counted = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => counted.Client.GetRunModelAsync(KitRuns.UnknownRun));

        Assert.Contains($"no run '{KitRuns.UnknownRun}' in project 'main'", error.Message);
        Assert.Contains("Run not found", error.Message);
        Assert.Contains(KitRuns.ChatModel, error.AvailableModels);
        Clean(error);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("model")]
    [InlineData("run")]
    public async Task An_unknown_project_is_not_found_naming_the_project(string call)
    {
        using var counted = _server.CreateClient(project: KitRuns.UnknownProject);
        var client = counted.Client;

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => call switch
        {
            "list" => client.ListModelsAsync(),
            "model" => client.GetModelAsync(KitRuns.ChatModel),
            _ => client.GetRunModelAsync(KitRuns.ChatRun),
        });

        Assert.Contains($"has no project '{KitRuns.UnknownProject}' (HTTP 404 Not Found: Not found)", error.Message);
        Assert.Equal(KitRuns.UnknownProject, error.Project);
        Assert.Empty(error.AvailableModels);
        Clean(error);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("model")]
    [InlineData("run")]
    public async Task A_user_who_is_not_a_member_is_refused(string call)
    {
        using var counted = _server.CreateClient(token: _server.Kit.OutsiderToken, project: KitRuns.PrivateProject);
        var client = counted.Client;

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => call switch
        {
            "list" => client.ListModelsAsync(),
            "model" => client.GetModelAsync(KitRuns.PrivateModel),
            _ => client.GetRunModelAsync(KitRuns.PrivateRun),
        });

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Access denied", error.ServerMessage);
        Assert.Contains($"member of project '{KitRuns.PrivateProject}'", error.Message);
        Clean(error, _server.Kit.OutsiderToken);
    }

    [Fact]
    public async Task A_member_sees_the_projects_models()
    {
        using var counted = _server.CreateClient(token: _server.Kit.MemberToken, project: KitRuns.PrivateProject);

        var endpoint = Assert.Single(await counted.Client.ListModelsAsync());

        Assert.Equal(KitRuns.PrivateModel, endpoint.ModelName);
        Assert.Equal($"/proxy/services/{KitRuns.PrivateProject}/{KitRuns.PrivateRun}/v1", endpoint.BaseUrl);
    }

    [Fact]
    public async Task More_than_a_page_of_runs_is_paged_and_the_oldest_model_is_found()
    {
        using var counted = _server.CreateClient(project: KitRuns.PagingProject);

        var endpoint = await counted.Client.GetModelAsync(KitRuns.OldestModel);
        var listed = await counted.Client.ListModelsAsync();

        Assert.Equal(KitRuns.OldestRun, endpoint.RunName);
        Assert.Equal(endpoint, Assert.Single(listed));

        // 105 active runs: a full first page of 100, then a second one. Twice (GetModelAsync, then ListModelsAsync).
        Assert.Equal(Enumerable.Repeat("/api/runs/list", 4), counted.Requests);
    }

    private void Clean(Exception error, string? token = null) => ErrorText.AssertClean(error, token ?? _server.Token);
}
