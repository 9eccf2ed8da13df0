namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>A temporary home directory with a <c>.dstack/config.yml</c>.</summary>
internal sealed class Home : IDisposable
{
    public Home(string? configYaml)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dstack-hosting-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (configYaml is not null)
        {
            Directory.CreateDirectory(System.IO.Path.Combine(Path, ".dstack"));
            File.WriteAllText(System.IO.Path.Combine(Path, ".dstack", "config.yml"), configYaml);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
