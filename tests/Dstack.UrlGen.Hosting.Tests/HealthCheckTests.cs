using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Dstack.UrlGen.Hosting.Tests;

public sealed class HealthCheckTests : IAsyncLifetime
{
    private static readonly DstackModelInfo Mistral = new("mistralai/Mistral-7B-Instruct-v0.3", null, "mistral", null, "Contoso.Models.Mistral");
    private static readonly DstackModelInfo Missing = new("org/missing", null, "missing", null, "Contoso.Models.Missing");

    private FakeDstackServer _server = null!;
    private readonly ManualTime _time = new();
    private readonly List<IHost> _hosts = new();

    public async Task InitializeAsync() => _server = await FakeDstackServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Healthy_when_every_model_runs()
    {
        var entry = await CheckAsync(TestHost.Qwen, TestHost.Llama);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("All 2 dstack model(s) run.", entry.Description);
        Assert.StartsWith("Running: Contoso.Models.Qwen (\"Qwen/Qwen3.6-27B\"): ", (string)entry.Data["Contoso.Models.Qwen"], StringComparison.Ordinal);
        Assert.StartsWith("Running: Contoso.Models.Llama (", (string)entry.Data["Contoso.Models.Llama"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Degraded_when_some_models_run_with_each_failing_models_message()
    {
        var entry = await CheckAsync(TestHost.Qwen, Mistral);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        var mistral = (string)entry.Data["Contoso.Models.Mistral"];
        Assert.StartsWith("NotRunning: Contoso.Models.Mistral (\"mistralai/Mistral-7B-Instruct-v0.3\"): ", mistral, StringComparison.Ordinal);
        Assert.Contains("provisioning", mistral, StringComparison.Ordinal);
        Assert.Equal("1 of 2 dstack model(s) run. " + mistral.Substring("NotRunning: ".Length), entry.Description);
    }

    [Fact]
    public async Task Unhealthy_when_no_model_runs()
    {
        var entry = await CheckAsync(Mistral, Missing);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("0 of 2 dstack model(s) run. Contoso.Models.Mistral (", entry.Description, StringComparison.Ordinal);
        Assert.Contains(" Contoso.Models.Missing (\"org/missing\"): ", entry.Description, StringComparison.Ordinal);
        Assert.StartsWith("NotFound: ", (string)entry.Data["Contoso.Models.Missing"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_failure_status_is_the_registrations()
    {
        var entry = await CheckAsync(new[] { Missing }, failureStatus: HealthStatus.Degraded);
        Assert.Equal(HealthStatus.Degraded, entry.Status);
    }

    [Fact]
    public async Task Unhealthy_with_the_servers_refusal_when_the_token_is_wrong()
    {
        var settings = TestHost.SettingsFor(_server);
        settings["Dstack:Token"] = "wrong-token";
        var entry = await CheckAsync(new[] { TestHost.Qwen, TestHost.Llama }, settings: settings);

        // The verification throws on a refused token (no model can be checked); the check reports that one cause.
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.IsType<DstackAuthenticationException>(entry.Exception);
        Assert.StartsWith("None of 2 dstack model(s) could be checked: ", entry.Description, StringComparison.Ordinal);
        Assert.EndsWith(entry.Exception!.Message, entry.Description, StringComparison.Ordinal);
        Assert.Equal("Error: not checked, the dstack server refused the token.", (string)entry.Data["Contoso.Models.Qwen"]);
        Assert.Equal("Error: not checked, the dstack server refused the token.", (string)entry.Data["Contoso.Models.Llama"]);

        // The token came from the configuration section, so the message sends the user there, not to DSTACK_TOKEN.
        Assert.Contains("Check Dstack:Token", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("DSTACK_TOKEN", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("{", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_token_from_the_dstack_variables_names_DSTACK_TOKEN()
    {
        var variables = new Dictionary<string, string?>
        {
            ["DSTACK_SERVER_URL"] = _server.ServerUrl.AbsoluteUri,
            ["DSTACK_TOKEN"] = "wrong-token",
            ["DSTACK_PROJECT"] = FakeDstackServer.MainProject,
        };
        var service = Service(new[] { TestHost.Qwen }, settings: new Dictionary<string, string?>(), environment: new DstackEnvironment(v => variables.GetValueOrDefault(v), null));
        var entry = Assert.Single((await service.CheckHealthAsync()).Entries).Value;

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("Check DSTACK_TOKEN", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthy_with_a_note_when_no_model_is_registered()
    {
        var entry = await CheckAsync(Array.Empty<DstackModelInfo>());
        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("No dstack model is registered (AddDstack().AddModel(...)).", entry.Description);
        Assert.Equal(0, _server.RequestCount);
    }

    [Fact]
    public async Task The_server_is_asked_once_per_interval()
    {
        var service = Service(new[] { TestHost.Llama }, cacheDuration: TimeSpan.FromSeconds(30));

        Assert.Equal(HealthStatus.Healthy, (await service.CheckHealthAsync()).Status);
        Assert.Equal(1, _server.RequestCount);

        // Within the interval the cached report is given, even though the model stopped meanwhile.
        int index = _server.Runs.FindIndex(r => RunFixtures.RunName(r) == "llama31-gw");
        _server.Runs[index] = RunFixtures.WithStatus(_server.Runs[index], "provisioning");
        _time.Advance(TimeSpan.FromSeconds(29));
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => service.CheckHealthAsync()));
        Assert.Equal(HealthStatus.Healthy, (await service.CheckHealthAsync()).Status);
        Assert.Equal(1, _server.RequestCount);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Unhealthy, (await service.CheckHealthAsync()).Status);
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public async Task Concurrent_checks_share_one_verification()
    {
        _server.Delay = TimeSpan.FromMilliseconds(300);
        var service = Service(new[] { TestHost.Llama });

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => service.CheckHealthAsync()));
        Assert.All(reports, r => Assert.Equal(HealthStatus.Healthy, r.Status));
        Assert.Equal(1, _server.RequestCount);
    }

    [Fact]
    public async Task A_zero_interval_asks_on_every_check()
    {
        var service = Service(new[] { TestHost.Llama }, cacheDuration: TimeSpan.Zero);
        await service.CheckHealthAsync();
        await service.CheckHealthAsync();
        Assert.Equal(2, _server.RequestCount);
    }

    [Fact]
    public void Without_AddDstack_the_check_says_what_is_missing()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHealthChecks().AddDstackModels();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredKeyedService<DstackModelsHealthCheck>("dstack"));
        Assert.Equal("AddDstackModels() needs services.AddDstack() and the models registered with AddModel.", ex.Message);
    }

    private async Task<HealthReportEntry> CheckAsync(params DstackModelInfo[] models) => await CheckAsync(models, null);

    private async Task<HealthReportEntry> CheckAsync(DstackModelInfo[] models, HealthStatus? failureStatus = null, Dictionary<string, string?>? settings = null)
    {
        var report = await Service(models, failureStatus, settings: settings).CheckHealthAsync();
        return Assert.Single(report.Entries, e => e.Key == "dstack").Value;
    }

    private HealthCheckService Service(DstackModelInfo[] models, HealthStatus? failureStatus = null, TimeSpan? cacheDuration = null, Dictionary<string, string?>? settings = null, DstackEnvironment? environment = null)
    {
        var host = TestHost.Build(settings ?? TestHost.SettingsFor(_server), d => d.AddModels(models), environment, services: s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.AddHealthChecks().AddDstackModels(failureStatus: failureStatus, cacheDuration: cacheDuration);
        });
        _hosts.Add(host);
        return host.Services.GetRequiredService<HealthCheckService>();
    }
}
