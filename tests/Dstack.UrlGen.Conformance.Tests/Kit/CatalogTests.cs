namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>The generated DstackModelCatalog verified against the real server: one check per declaration, each state as the README says.</summary>
[Collection(ServerCollection.Name)]
public sealed class CatalogTests
{
    private readonly ServerFixture _server;

    public CatalogTests(ServerFixture server) => _server = server;

    [Fact]
    public async Task VerifyAsync_reports_every_declared_model_with_its_state()
    {
        using var counted = _server.CreateClient();

        var report = await DstackModelCatalog.VerifyAsync(counted.Client);

        var states = report.Checks.ToDictionary(c => c.Model.DeclaringType.Split('.').Last(), c => c.State);
        Assert.Equal(DstackModelState.Running, states[nameof(ChatByRun)]);
        Assert.Equal(DstackModelState.Running, states[nameof(ObjectByName)]);
        Assert.Equal(DstackModelState.Running, states[nameof(PrivateByProject)]);
        Assert.Equal(DstackModelState.Running, states[nameof(TgiByRun)]);
        Assert.Equal(DstackModelState.Running, states[nameof(ChatThroughModelsRoute)]);
        Assert.Equal(DstackModelState.Running, states[nameof(MovingByName)]);
        Assert.Equal(DstackModelState.NotRunning, states[nameof(ProvisioningByRun)]);
        Assert.Equal(DstackModelState.NotFound, states[nameof(FailedByName)]);
        Assert.Equal(DstackModelState.NoModel, states[nameof(NoModelByRun)]);
        Assert.Equal(DstackModelState.NoModel, states[nameof(TaskByRun)]);
        Assert.Equal(DstackModelState.NotFound, states[nameof(UnknownRunDeclared)]);
        Assert.Equal(DstackModelState.NotFound, states[nameof(UnknownModelDeclared)]);
        Assert.Equal(DstackModelState.NotFound, states[nameof(UnknownProjectDeclared)]);
        Assert.Equal(DstackModelCatalog.Models.Count, report.Checks.Count);
        Assert.Contains($"has no project '{KitRuns.UnknownProject}'", report.Checks.Single(c => c.Model.DeclaringType.EndsWith(nameof(UnknownProjectDeclared), StringComparison.Ordinal)).Message);
        Assert.Equal("provisioning", report.Checks.Single(c => c.State == DstackModelState.NotRunning).RunStatus);
        Assert.All(report.Checks, c => Assert.DoesNotContain("{\"", c.Message));

        var failure = Assert.Throws<DstackModelUnavailableException>(report.EnsureSuccess);
        Assert.Contains("7 of 13 declared dstack model(s) are not available", failure.Message);
    }

    [Fact]
    public async Task VerifyAsync_with_a_refused_token_throws_the_authentication_error()
    {
        using var counted = _server.CreateClient(token: "conformance-wrong-token");

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => DstackModelCatalog.VerifyAsync(counted.Client));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Invalid token", error.ServerMessage);
    }
}
