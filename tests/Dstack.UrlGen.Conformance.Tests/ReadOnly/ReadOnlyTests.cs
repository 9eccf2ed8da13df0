namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// Checks that only read, so that they also run against a user's own dstack server
/// (<c>DSTACK_CONFORMANCE_SERVER_URL</c> / <c>_TOKEN</c> / <c>_PROJECT</c>); with the kit they run against its server.
/// They hold for any server: whatever it lists must resolve, and refusals must be the README's exceptions.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReadOnlyTests
{
    private const string WrongToken = "conformance-wrong-token-0000";

    private readonly ServerFixture _server;

    public ReadOnlyTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task Every_listed_model_resolves_against_the_server_and_is_found_again_by_run_and_by_name()
    {
        using var counted = _server.CreateClient();
        var client = counted.Client;

        var models = await client.ListModelsAsync();

        foreach (var endpoint in models)
        {
            Assert.Equal(DstackUrl.Resolve(_server.ServerUrl, endpoint.BaseUrl), endpoint.Url);
            Assert.Equal(DstackUrl.Classify(endpoint.BaseUrl), endpoint.Kind);
            Assert.Equal(_server.Project, endpoint.Project);
            Assert.NotNull(endpoint.RunName);
            Assert.Equal(endpoint, await client.GetRunModelAsync(endpoint.RunName!));
            Assert.Equal(endpoint.ModelName, (await client.GetModelAsync(endpoint.ModelName)).ModelName);
        }
    }

    [Fact]
    public async Task A_wrong_token_is_an_authentication_error_with_the_servers_message_and_no_JSON()
    {
        using var counted = _server.CreateClient(token: WrongToken);

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => counted.Client.ListModelsAsync());

        Assert.Contains(error.StatusCode, new[] { 401, 403 });
        Assert.NotNull(error.ServerMessage);
        Assert.Contains(_server.ServerUrl.OriginalString, error.Message);
        ErrorText.AssertClean(error, WrongToken);
    }

    [Fact]
    public async Task No_token_reaching_the_server_is_an_authentication_error()
    {
        using var counted = new CountedClient(_server.ServerUrl, _server.Token, _server.Project, dropAuthorization: true);

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => counted.Client.ListModelsAsync());

        Assert.Contains(error.StatusCode, new[] { 401, 403 });
        ErrorText.AssertClean(error, _server.Token);
    }

    [Fact]
    public async Task A_wrong_token_inside_VerifyAsync_is_the_authentication_error()
    {
        using var counted = _server.CreateClient(token: WrongToken);

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => counted.Client.VerifyAsync(new[]
        {
            new DstackModelInfo("conformance/any-model", null, null, null, "Conformance.Any"),
        }));

        ErrorText.AssertClean(error, WrongToken);
    }

    [Fact]
    public async Task An_unknown_project_is_not_found_naming_the_project()
    {
        const string project = "conformance-no-such-project-7d1";
        using var counted = _server.CreateClient(project: project);

        var error = await Assert.ThrowsAsync<DstackNotFoundException>(() => counted.Client.ListModelsAsync());

        Assert.Contains($"has no project '{project}'", error.Message);
        Assert.Equal(project, error.Project);
        ErrorText.AssertClean(error, _server.Token);
    }

    [Fact]
    public async Task An_unknown_run_and_an_unknown_model_are_not_found_and_list_the_running_models()
    {
        using var counted = _server.CreateClient();
        var running = (await counted.Client.ListModelsAsync()).Select(e => e.ModelName).Distinct().ToList();

        var run = await Assert.ThrowsAsync<DstackNotFoundException>(() => counted.Client.GetRunModelAsync("conformance-no-such-run"));
        var model = await Assert.ThrowsAsync<DstackNotFoundException>(() => counted.Client.GetModelAsync("conformance/no-such-model"));

        Assert.Contains("no run 'conformance-no-such-run'", run.Message);
        Assert.Contains("\"conformance/no-such-model\"", model.Message);
        Assert.Equal(running, run.AvailableModels);
        Assert.Equal(running, model.AvailableModels);
        ErrorText.AssertClean(run, _server.Token);
        ErrorText.AssertClean(model, _server.Token);
    }
}
