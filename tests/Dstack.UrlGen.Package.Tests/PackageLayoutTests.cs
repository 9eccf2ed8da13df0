using System.IO.Compression;
using System.Xml.Linq;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>The one package holds the runtime, the generator with the analyzers, and the code fixes — and nothing else.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackedPackage _package;

    public PackageLayoutTests(PackedPackage package) => _package = package;

    private List<string> Entries()
    {
        using var zip = ZipFile.OpenRead(_package.NupkgPath);
        return zip.Entries.Select(e => e.FullName).ToList();
    }

    [Fact]
    public void Holds_the_runtime_for_both_target_frameworks()
    {
        var entries = Entries();
        Assert.Contains("lib/netstandard2.0/Dstack.UrlGen.dll", entries);
        Assert.Contains("lib/net8.0/Dstack.UrlGen.dll", entries);
        Assert.Contains("lib/netstandard2.0/Dstack.UrlGen.xml", entries);
        Assert.Contains("lib/net8.0/Dstack.UrlGen.xml", entries);
    }

    [Fact]
    public void Holds_the_generator_with_YamlDotNet_and_the_code_fixes_in_one_roslyn_folder()
    {
        var analyzers = Entries().Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).ToList();
        var roslynFolders = analyzers.Select(e => e.Split('/')[2]).Distinct().ToList();
        Assert.Equal(new[] { "roslyn4.8" }, roslynFolders);
        Assert.Equal(
            new[] { "analyzers/dotnet/roslyn4.8/cs/Dstack.UrlGen.CodeFixes.dll", "analyzers/dotnet/roslyn4.8/cs/Dstack.UrlGen.Generator.dll", "analyzers/dotnet/roslyn4.8/cs/YamlDotNet.dll" },
            analyzers.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Holds_no_assembly_twice_and_no_Roslyn_assembly()
    {
        var dlls = Entries().Where(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.DoesNotContain(dlls, e => Path.GetFileName(e).StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dlls, e => Path.GetFileName(e).StartsWith("System.", StringComparison.OrdinalIgnoreCase));

        // The runtime is in lib/ once per target framework; every other assembly appears exactly once.
        var outsideLib = dlls.Where(e => !e.StartsWith("lib/", StringComparison.Ordinal)).Select(Path.GetFileName).ToList();
        Assert.Single(outsideLib, name => name == "YamlDotNet.dll");
        Assert.Equal(outsideLib.Count, outsideLib.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var framework in dlls.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)).GroupBy(e => e.Split('/')[1]))
        {
            Assert.Equal(new[] { "Dstack.UrlGen.dll" }, framework.Select(Path.GetFileName));
        }
    }

    [Fact]
    public void Ships_the_compiler_version_check_for_direct_and_transitive_references()
    {
        var entries = Entries();
        Assert.Contains("build/Dstack.UrlGen.targets", entries);
        Assert.Contains("buildTransitive/Dstack.UrlGen.targets", entries);
    }

    [Fact]
    public void Has_the_metadata_a_package_page_shows()
    {
        using var zip = ZipFile.OpenRead(_package.NupkgPath);
        using var stream = zip.GetEntry("Dstack.UrlGen.nuspec")!.Open();
        var nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("Dstack.UrlGen", metadata.Element(ns + "id")!.Value);
        Assert.Equal(_package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Contains("dstack", metadata.Element(ns + "tags")!.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")!.Value));
        Assert.NotNull(metadata.Element(ns + "repository")?.Attribute("url"));
        Assert.Null(metadata.Element(ns + "developmentDependency"));
        Assert.Contains("README.md", zip.Entries.Select(e => e.FullName));
        Assert.True(File.Exists(_package.SnupkgPath), "the symbols package (.snupkg) was not written");
    }
}
