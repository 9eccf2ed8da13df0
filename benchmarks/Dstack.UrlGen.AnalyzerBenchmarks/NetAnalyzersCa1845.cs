using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>Loads CA1845 (UseSpanBasedStringConcat) from the NetAnalyzers of the .NET SDK that runs the benchmark.</summary>
internal static class NetAnalyzersCa1845
{
    private const string TypeName = "Microsoft.NetCore.CSharp.Analyzers.Runtime.CSharpUseSpanBasedStringConcat";

    public static DiagnosticAnalyzer Create()
    {
        string analyzers = AnalyzersDirectory();
        AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(analyzers, "Microsoft.CodeAnalysis.NetAnalyzers.dll"));
        Assembly csharp = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.Combine(analyzers, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll"));
        Type type = csharp.GetType(TypeName, throwOnError: false)
            ?? throw new InvalidOperationException($"{TypeName} is not in {csharp.Location}; this SDK's NetAnalyzers name CA1845 differently.");
        return (DiagnosticAnalyzer)Activator.CreateInstance(type)!;
    }

    /// <summary>
    /// sdk/&lt;newest&gt;/Sdks/Microsoft.NET.Sdk/analyzers under the dotnet root: DOTNET_ROOT when set, else three folders above
    /// the running runtime's System.Private.CoreLib (dotnet/shared/Microsoft.NETCore.App/&lt;version&gt;/).
    /// </summary>
    private static string AnalyzersDirectory()
    {
        string runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string root = Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } fromEnvironment && Directory.Exists(Path.Combine(fromEnvironment, "sdk"))
            ? fromEnvironment
            : Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        string sdks = Path.Combine(root, "sdk");
        string? newest = Directory.Exists(sdks)
            ? Directory.GetDirectories(sdks)
                .Select(dir => (dir, version: Version.TryParse(Path.GetFileName(dir).Split('-')[0], out Version? v) ? v : null))
                .Where(x => x.version is not null && File.Exists(Path.Combine(x.dir, "Sdks", "Microsoft.NET.Sdk", "analyzers", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll")))
                .OrderByDescending(x => x.version)
                .Select(x => x.dir)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new DirectoryNotFoundException($"No .NET SDK with NetAnalyzers under '{sdks}'; install the .NET SDK or set DOTNET_ROOT to its folder.")
            : Path.Combine(newest, "Sdks", "Microsoft.NET.Sdk", "analyzers");
    }
}
