using QuickStart;

namespace WebApi;

/// <summary>
/// Decides between a real dstack server and the embedded fake one. A real server is used when the configuration
/// section <c>Dstack</c> names one, or the dstack CLI's settings exist (<c>DSTACK_SERVER_URL</c> and
/// <c>DSTACK_TOKEN</c>, or <c>~/.dstack/config.yml</c>); <c>--Demo=true</c> forces the fake one.
/// </summary>
internal static class DemoServer
{
    public static bool IsNeeded(IConfiguration configuration)
        => configuration.GetValue<bool>("Demo") || !(Configured(configuration) || ConfiguredInEnvironment());

    /// <summary>
    /// Starts the fake dstack and points the <c>Dstack</c> section at it; called after the application is built and
    /// before it starts (the options are read at start). The fake's own hosts are started outside the application's
    /// execution context: WebApplicationFactory (the tests) configures every host built in the entry point's flow,
    /// and would otherwise turn the fake's Kestrel servers into in-memory test servers.
    /// </summary>
    public static async Task<FakeDstack> StartAsync(IConfigurationBuilder configuration)
    {
        Task<FakeDstack> starting;
        using (ExecutionContext.SuppressFlow())
        {
            starting = Task.Run(FakeDstack.StartAsync);
        }

        var fake = await starting;
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dstack:ServerUrl"] = fake.ServerUrl.AbsoluteUri,
            ["Dstack:Token"] = FakeDstack.Token,
            ["Dstack:Project"] = FakeDstack.Project,
        });
        return fake;
    }

    private static bool Configured(IConfiguration configuration)
        => !string.IsNullOrWhiteSpace(configuration["Dstack:ServerUrl"]) || !string.IsNullOrWhiteSpace(configuration["Dstack:Token"]);

    private static bool ConfiguredInEnvironment()
    {
        bool variables = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DSTACK_SERVER_URL"))
            && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DSTACK_TOKEN"));
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return variables || (home.Length > 0 && File.Exists(Path.Combine(home, ".dstack", "config.yml")));
    }
}
