namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// A console project outside the repository that references nothing but the packed Dstack.UrlGen, restored
/// from the local feed into its own packages folder, and built once.
/// </summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory, string buildOutput)
    {
        Directory = directory;
        BuildOutput = buildOutput;
    }

    public string Directory { get; }

    /// <summary>Everything <c>dotnet build</c> printed (warnings included).</summary>
    public string BuildOutput { get; }

    public string AssemblyPath => Path.Combine(Directory, "bin", "Release", "net10.0", "Consumer.dll");

    /// <summary>The generated source files, by file name, as EmitCompilerGeneratedFiles wrote them under obj/.</summary>
    public IReadOnlyDictionary<string, string> GeneratedFiles()
        => System.IO.Directory.EnumerateFiles(Path.Combine(Directory, "obj"), "*.g.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("Dstack.UrlGen.Generator", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);

    public static async Task<ConsumerProject> BuildAsync(PackedPackage package)
    {
        var directory = Path.Combine(package.WorkDirectory, "consumer");
        System.IO.Directory.CreateDirectory(directory);
        var templates = Path.Combine(AppContext.BaseDirectory, "Consumer");
        File.WriteAllText(
            Path.Combine(directory, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(templates, "Consumer.csproj.template")).Replace("$(DstackUrlGenVersion)", package.Version, StringComparison.Ordinal));
        File.Copy(Path.Combine(templates, "Program.cs.template"), Path.Combine(directory, "Program.cs"));

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
        return new ConsumerProject(directory, build.Output);
    }
}
