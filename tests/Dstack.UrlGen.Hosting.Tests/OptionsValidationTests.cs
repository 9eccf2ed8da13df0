using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>Bad settings stop the host at start, with a message that names the setting and never the token.</summary>
public sealed class OptionsValidationTests
{
    private const string Secret = "secret-token-value";

    [Theory]
    [InlineData("http://127.0.0.1:3000", null, "main", "Dstack:ServerUrl is set but Dstack:Token is not. Set both (the token in user secrets or the environment variable Dstack__Token), or neither to use DSTACK_SERVER_URL and DSTACK_TOKEN or ~/.dstack/config.yml as the dstack CLI does.")]
    [InlineData(null, Secret, "main", "Dstack:Token is set but Dstack:ServerUrl is not. Set both (the token in user secrets or the environment variable Dstack__Token), or neither to use DSTACK_SERVER_URL and DSTACK_TOKEN or ~/.dstack/config.yml as the dstack CLI does.")]
    [InlineData("dstack.example.com", Secret, "main", "Dstack:ServerUrl \"dstack.example.com\" is not an absolute URL. Set it to the dstack server's URL, such as http://127.0.0.1:3000 or https://dstack.example.com.")]
    [InlineData("http://127.0.0.1:3000", Secret, null, "Dstack:ServerUrl and Dstack:Token are set but no project is: set Dstack:Project (or DSTACK_PROJECT).")]
    [InlineData("http://127.0.0.1:3000", Secret, "no such project!", "Dstack:Project is invalid: The dstack project name \"no such project!\" is invalid: a project name is 1 to 50 letters, digits, '-' or '_' (^[a-zA-Z0-9-_]{1,50}$). Use the name `dstack project list` shows.")]
    [InlineData("http://127.0.0.1:3000", "two words", "main", "Dstack:Token contains white space or a control character; a dstack token has none. Copy it again from the dstack UI (User settings).")]
    public async Task A_bad_Dstack_section_stops_the_host_with_the_setting_named(string? serverUrl, string? token, string? project, string expected)
    {
        var ex = await StartFailsAsync(new Dictionary<string, string?>
        {
            ["Dstack:ServerUrl"] = serverUrl,
            ["Dstack:Token"] = token,
            ["Dstack:Project"] = project,
        });

        Assert.Equal(expected, Assert.Single(ex.Failures));
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("two words", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_url_the_resolver_refuses_is_named_with_the_resolvers_reason()
    {
        var ex = await StartFailsAsync(new Dictionary<string, string?>
        {
            ["Dstack:ServerUrl"] = "https://dstack.example.com/?x=1",
            ["Dstack:Token"] = Secret,
            ["Dstack:Project"] = "main",
        });

        Assert.StartsWith("Dstack:ServerUrl is not a usable dstack server URL: ", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_settings_anywhere_names_the_section_the_variables_and_config_yml()
    {
        using var home = new Home(null);
        var ex = await StartFailsAsync(new Dictionary<string, string?>(), new DstackEnvironment(_ => null, home.Path));

        string message = Assert.Single(ex.Failures);
        Assert.StartsWith("Dstack:ServerUrl and Dstack:Token are not set, so the dstack CLI's settings were read, and they are not usable: No dstack configuration was found: DSTACK_SERVER_URL and DSTACK_TOKEN are not both set, and ", message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(home.Path, ".dstack", "config.yml") + " does not exist; run `dstack project add ", message, StringComparison.Ordinal);
        Assert.EndsWith("Or set Dstack:ServerUrl, Dstack:Token and Dstack:Project (environment variables Dstack__ServerUrl, Dstack__Token, Dstack__Project).", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DSTACK_variables_without_a_project_name_DSTACK_PROJECT()
    {
        var variables = new Dictionary<string, string?> { ["DSTACK_SERVER_URL"] = "http://127.0.0.1:3000", ["DSTACK_TOKEN"] = Secret };
        var ex = await StartFailsAsync(new Dictionary<string, string?>(), new DstackEnvironment(v => variables.GetValueOrDefault(v), null));

        Assert.Contains("DSTACK_SERVER_URL and DSTACK_TOKEN are set but no project is: set DSTACK_PROJECT", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EndpointCacheDuration", "soon", "Dstack:EndpointCacheDuration is \"soon\", which is not a time span; write it as hh:mm:ss, such as 00:01:00.")]
    [InlineData("EndpointCacheDuration", "-00:00:05", "Dstack:EndpointCacheDuration is -00:00:05; set it to zero (no caching) or a positive time span such as 00:01:00.")]
    [InlineData("Timeout", "00:00:00", "Dstack:Timeout is 00:00:00; set it to a positive time span of at most 24 days, such as 00:00:30.")]
    [InlineData("AllowInsecureHttp", "maybe", "Dstack:AllowInsecureHttp is \"maybe\"; set it to true or false.")]
    public async Task A_bad_value_is_named(string setting, string value, string expected)
    {
        var ex = await StartFailsAsync(new Dictionary<string, string?>
        {
            ["Dstack:ServerUrl"] = "http://127.0.0.1:3000",
            ["Dstack:Token"] = Secret,
            ["Dstack:Project"] = "main",
            ["Dstack:" + setting] = value,
        });

        Assert.Equal(expected, Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task Every_failure_is_reported_at_once()
    {
        var ex = await StartFailsAsync(new Dictionary<string, string?>
        {
            ["Dstack:ServerUrl"] = "http://127.0.0.1:3000",
            ["Dstack:Timeout"] = "later",
        });

        Assert.Equal(2, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("Dstack:Timeout is \"later\"", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("Dstack:ServerUrl is set but Dstack:Token is not.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valid_settings_start_and_the_code_hook_runs_after_the_section()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var settings = TestHost.SettingsFor(server);
        settings["Dstack:Project"] = "not-this-one";
        using var host = TestHost.Build(settings, services: s => s.AddDstack(o => o.Project = "main"));
        await host.StartAsync();

        Assert.Equal("main", host.Services.GetRequiredService<DstackClient>().Project);
        await host.StopAsync();
    }

    [Fact]
    public void Resolving_the_client_with_bad_settings_throws_the_same_message()
    {
        using var host = TestHost.Build(new Dictionary<string, string?> { ["Dstack:Token"] = Secret });
        var ex = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<DstackClient>());
        Assert.StartsWith("Dstack:Token is set but Dstack:ServerUrl is not.", Assert.Single(ex.Failures), StringComparison.Ordinal);
    }

    private static async Task<OptionsValidationException> StartFailsAsync(Dictionary<string, string?> settings, DstackEnvironment? environment = null)
    {
        // Nothing resolves the client: the check runs because the host starts.
        using var host = TestHost.Build(settings, environment: environment);
        return await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }
}
