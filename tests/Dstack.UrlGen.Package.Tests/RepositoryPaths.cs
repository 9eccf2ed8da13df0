using System.Reflection;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>Finds the repository from the test assembly's location, so nothing depends on where the clone lives.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The configuration the tests were built in (Debug or Release); the packed assemblies come from the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dstack.UrlGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Dstack.UrlGen.sln was not found above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
