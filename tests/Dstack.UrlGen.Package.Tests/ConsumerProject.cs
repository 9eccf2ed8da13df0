namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// A console project outside the repository that references nothing but the packed Dstack.UrlGen, restored
/// from the local feed into its own packages folder, and built once.
/// </summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory, string name, string buildOutput)
    {
        Directory = directory;
        Name = name;
        BuildOutput = buildOutput;
    }

    public string Directory { get; }

    /// <summary>Everything <c>dotnet build</c> printed (warnings included).</summary>
    public string BuildOutput { get; }

    /// <summary>The project's (and its assembly's) name.</summary>
    public string Name { get; }

    public string AssemblyPath => Path.Combine(Directory, "bin", "Release", "net10.0", Name + ".dll");

    /// <summary>The generated source files, by file name, as EmitCompilerGeneratedFiles wrote them under obj/.</summary>
    public IReadOnlyDictionary<string, string> GeneratedFiles()
        => System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("Dstack.UrlGen.Generator", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    /// <summary>
    /// Builds the project of the template folder <paramref name="name"/> (beside the test assembly): its
    /// <c>*.template</c> files lose that suffix (the csproj's <c>$(DstackUrlGenVersion)</c> becomes the packed version),
    /// every other file is copied as it is, sub-folders included.
    /// </summary>
    public static async Task<ConsumerProject> BuildAsync(PackedPackage package, string name = "Consumer", Action<string>? prepare = null)
    {
        var directory = Path.Combine(package.WorkDirectory, name.ToLowerInvariant());
        System.IO.Directory.CreateDirectory(directory);
        var templates = Path.Combine(AppContext.BaseDirectory, name);
        foreach (string file in System.IO.Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(templates, file);
            string target = Path.Combine(directory, relative.EndsWith(".template", StringComparison.Ordinal) ? relative[..^".template".Length] : relative);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, File.ReadAllText(file).Replace("$(DstackUrlGenVersion)", package.Version, StringComparison.Ordinal));
        }

        prepare?.Invoke(directory);

        // The local feed beside the configured sources, and a packages folder of its own: a package in the
        // machine's NuGet cache can never stand in for the one just packed.
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dstack-urlgen-under-test" value="{package.Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(package.WorkDirectory, "packages")}" />
              </config>
            </configuration>
            """);

        var build = await DotNet.RunAsync(directory, null, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-p:TreatWarningsAsErrors=false");
        build.EnsureSuccess("dotnet build of the consumer project");
        return new ConsumerProject(directory, name, build.Output);
    }
}
