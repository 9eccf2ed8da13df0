namespace Dstack.UrlGen.Package.Tests;

/// <summary>The package tests share one packed package and one consumer built from it.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}

/// <summary>
/// Packs Dstack.UrlGen once per test run into a fresh local feed, with a version no earlier run used,
/// so a stale NuGet cache can never hide a broken package.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "dstack-urlgen-package-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";

    public string NupkgPath => Path.Combine(Feed, $"Dstack.UrlGen.{Version}.nupkg");

    public string SnupkgPath => Path.Combine(Feed, $"Dstack.UrlGen.{Version}.snupkg");

    /// <summary>A consumer project restored from the local feed and built once, on first use.</summary>
    public Task<ConsumerProject> Consumer => _consumer.Value;

    private readonly Lazy<Task<ConsumerProject>> _consumer;

    /// <summary>A consumer with no [DstackModel] at all, only dstack configurations, built once, on first use.</summary>
    public Task<ConsumerProject> ConfigurationConsumer => _configurationConsumer.Value;

    private readonly Lazy<Task<ConsumerProject>> _configurationConsumer;

    public PackedPackage()
    {
        _consumer = new(() => ConsumerProject.BuildAsync(this));
        _configurationConsumer = new(() => ConsumerProject.BuildAsync(this, "ConfigConsumer", ConfigurationConsumerFiles));
    }

    /// <summary>
    /// Beside the template: a configuration in a sibling deploy/ folder (added by the project's AdditionalFiles line)
    /// and a stale, invalid one in bin/ (which the package must leave out, or DSTK0108 fails the build).
    /// </summary>
    private static void ConfigurationConsumerFiles(string directory)
    {
        string deploy = Path.Combine(directory, "..", "deploy");
        Directory.CreateDirectory(deploy);
        File.WriteAllText(Path.Combine(deploy, "llama31-gw.dstack.yml"), "type: service\nname: llama31-gw\nport: 8000\nmodel: {type: chat, name: meta-llama/Meta-Llama-3.1-70B-Instruct, format: openai}\ngateway: true\n");
        Directory.CreateDirectory(Path.Combine(directory, "bin"));
        File.WriteAllText(Path.Combine(directory, "bin", "stale.dstack.yml"), "type: service\nname: [not yaml\n");
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var project = Path.Combine(RepositoryPaths.Root, "src", "Runtime", "Dstack.UrlGen.csproj");
        var pack = await DotNet.RunAsync(RepositoryPaths.Root, null, TimeSpan.FromMinutes(5),
            "pack", project, "-c", RepositoryPaths.Configuration, "--no-build", "-o", Feed, $"-p:Version={Version}");
        pack.EnsureSuccess("dotnet pack of src/Runtime");
        if (!File.Exists(NupkgPath))
        {
            throw new FileNotFoundException($"dotnet pack succeeded but wrote no {Path.GetFileName(NupkgPath)} to {Feed}.");
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file in the temp folder must not fail the run; the OS cleans temp.
        }

        return Task.CompletedTask;
    }
}
