namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>The QuickStart against the real server, as the README tells a new user to run it.</summary>
[Collection(ServerCollection.Name)]
public sealed class QuickStartTests
{
    private readonly ServerFixture _server;

    public QuickStartTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task Lists_the_running_models_with_proxy_urls_and_gets_one_reply_from_each()
    {
        var run = await QuickStartRun.RunAsync("--server", _server.ServerUrl.OriginalString, "--token", _server.Token, "--project", KitRuns.MainProject);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.Error);
        var lines = run.OutputLines;
        string origin = _server.ServerUrl.GetLeftPart(UriPartial.Authority);
        Assert.Contains(lines, l => l.StartsWith("MODEL", StringComparison.Ordinal) && l.Contains("URL", StringComparison.Ordinal));
        foreach (var (model, url) in new[]
                 {
                     (KitRuns.ChatModel, $"{origin}/proxy/services/main/{KitRuns.ChatRun}/v1"),
                     (KitRuns.ObjectModel, $"{origin}/proxy/services/main/{KitRuns.ObjectRun}{KitRuns.ObjectPrefix}"),
                     (KitRuns.TgiModel, $"{origin}/proxy/models/main/"),
                 })
        {
            Assert.Contains(lines, l => l.StartsWith(model + " ", StringComparison.Ordinal) && l.EndsWith(url, StringComparison.Ordinal));
            Assert.Contains($"{model} -> {FakeModelServer.Reply(model)}", lines);
        }

        int models = lines.Count(l => l.StartsWith("conf/", StringComparison.Ordinal) && !l.Contains(" -> ", StringComparison.Ordinal));
        Assert.Equal(models, lines.Count(l => l.Contains(" -> conformance reply from ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_wrong_token_exits_1_with_one_sentence_naming_the_token_option()
    {
        var run = await QuickStartRun.RunAsync("--server", _server.ServerUrl.OriginalString, "--token", "conformance-wrong-token", "--project", KitRuns.MainProject);

        Assert.Equal(1, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"QuickStart failed: The dstack server {_server.ServerUrl.OriginalString} refused access to the runs of project 'main' (HTTP 403 Forbidden: Invalid token).", error);
        Assert.Contains("Check --token", error);
        AssertOnlyCommandLine(error);
        Assert.DoesNotContain("conformance-wrong-token", run.Output + run.Error);
    }

    [Fact]
    public async Task An_unknown_project_exits_1_with_one_sentence_naming_the_project()
    {
        var run = await QuickStartRun.RunAsync("--server", _server.ServerUrl.OriginalString, "--token", _server.Token, "--project", KitRuns.UnknownProject);

        Assert.Equal(1, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"QuickStart failed: The dstack server {_server.ServerUrl.OriginalString} has no project '{KitRuns.UnknownProject}' (HTTP 404 Not Found: Not found).", error);
        Assert.Contains("(--project)", error);
        AssertOnlyCommandLine(error);
    }

    [Fact]
    public async Task A_model_whose_replica_is_not_served_exits_1_naming_model_url_status_and_what_to_do()
    {
        var run = await QuickStartRun.RunAsync("--server", _server.ServerUrl.OriginalString, "--token", _server.Token, "--project", KitRuns.UnservedProject);

        Assert.Equal(1, run.ExitCode);
        string error = Assert.Single(run.ErrorLines);
        string url = $"{_server.ServerUrl.GetLeftPart(UriPartial.Authority)}/proxy/services/{KitRuns.UnservedProject}/{KitRuns.UnservedRun}/v1/chat/completions";
        Assert.Equal(
            $"The call to model \"{KitRuns.UnservedModel}\" at {url} answered HTTP 404: dstack's proxy has no running replica of run '{KitRuns.UnservedRun}' to send it to, "
            + $"so wait until `dstack ps` shows the replica running (or look at `dstack logs {KitRuns.UnservedRun}`) and run again.",
            error);
        Assert.DoesNotContain("Service request failed", run.Error);
    }

    private static void AssertOnlyCommandLine(string error)
    {
        Assert.DoesNotContain("DSTACK_", error);
        Assert.DoesNotContain("config.yml", error);
        Assert.DoesNotContain("{", error);
    }
}
