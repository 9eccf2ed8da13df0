namespace Dstack.UrlGen.Tests.Client;

/// <summary>A temporary home directory with an optional <c>.dstack/config.yml</c>, and an environment of its own.</summary>
internal sealed class TemporaryHome : IDisposable
{
    public TemporaryHome(string? configYaml = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dstack-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (configYaml is not null)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, ".dstack"));
            File.WriteAllText(ConfigPath, configYaml);
        }
    }

    public string Path { get; }

    public string ConfigPath => System.IO.Path.Combine(Path, ".dstack", "config.yml");

    public Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    public string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;

    public DstackClient FromEnvironment(string? project = null) => DstackClient.FromEnvironment(project, null, null, Get, Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
