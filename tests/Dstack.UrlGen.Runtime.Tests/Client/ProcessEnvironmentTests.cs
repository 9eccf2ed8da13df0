namespace Dstack.UrlGen.Tests.Client;

/// <summary>Tests that change the process's environment; they run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ProcessEnvironmentTests : IDisposable
{
    private static readonly string[] Names = { "HOME", "USERPROFILE", "DSTACK_SERVER_URL", "DSTACK_TOKEN", "DSTACK_PROJECT" };
    private readonly Dictionary<string, string?> _saved = Names.ToDictionary(n => n, Environment.GetEnvironmentVariable);
    private readonly TemporaryHome _home = new(Fixtures.Read("dstack/config.yml"));

    [Fact]
    public void The_public_FromEnvironment_reads_the_home_directorys_config_and_the_variables()
    {
        Environment.SetEnvironmentVariable("HOME", _home.Path);
        Environment.SetEnvironmentVariable("USERPROFILE", _home.Path);
        Environment.SetEnvironmentVariable("DSTACK_SERVER_URL", null);
        Environment.SetEnvironmentVariable("DSTACK_PROJECT", "research");
        Environment.SetEnvironmentVariable("DSTACK_TOKEN", "from-the-environment");

        using var client = DstackClient.FromEnvironment();

        Assert.Equal("https://dstack.example.com/some/prefix", client.ServerUrl.OriginalString);
        Assert.Equal("research", client.Project);
        Assert.Equal("from-the-environment", client.Token);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        _home.Dispose();
    }
}
