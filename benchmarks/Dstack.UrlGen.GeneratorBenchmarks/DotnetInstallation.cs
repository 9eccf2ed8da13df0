using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// The .NET installation this process runs on, found from the running runtime (never a fixed path):
/// <c>&lt;root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/System.Private.CoreLib.dll</c>.
/// </summary>
internal static class DotnetInstallation
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    /// <summary>The LoggerMessage generator the SDK ships with ASP.NET Core's reference pack.</summary>
    public static string LoggingGeneratorPath
        => Path.Combine(LatestPack("Microsoft.AspNetCore.App.Ref"), "analyzers", "dotnet", "cs", "Microsoft.Extensions.Logging.Generators.dll");

    /// <summary>The reference assemblies of the runtime and of Microsoft.Extensions.Logging.Abstractions.</summary>
    public static IReadOnlyList<MetadataReference> References()
    {
        string netCore = RefFolder(LatestPack("Microsoft.NETCore.App.Ref"));
        string aspNetCore = RefFolder(LatestPack("Microsoft.AspNetCore.App.Ref"));
        return Directory.GetFiles(netCore, "*.dll")
            .Append(Path.Combine(aspNetCore, "Microsoft.Extensions.Logging.Abstractions.dll"))
            .Append(typeof(DstackUrl).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    }

    /// <summary>Loads the generators of an analyzer assembly as the compiler does.</summary>
    public static ISourceGenerator[] LoadGenerators(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The analyzer assembly is not in this .NET installation ({Root}); install the .NET SDK with ASP.NET Core.", path);
        }

        var reference = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path, new Loader());
        return reference.GetGenerators(LanguageNames.CSharp).ToArray();
    }

    private static string LatestPack(string name)
    {
        string packs = Path.Combine(Root, "packs", name);
        string? latest = Directory.Exists(packs)
            ? Directory.GetDirectories(packs).OrderBy(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version()).LastOrDefault()
            : null;
        return latest ?? throw new DirectoryNotFoundException($"No {name} pack under {packs}; the benchmark needs the .NET SDK's targeting packs.");
    }

    private static string RefFolder(string pack)
        => Directory.GetDirectories(Path.Combine(pack, "ref")).OrderBy(d => d, StringComparer.Ordinal).Last();

    private sealed class Loader : Microsoft.CodeAnalysis.IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
