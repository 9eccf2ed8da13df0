namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>Finds the repository from the test assembly's location, so nothing depends on where the clone lives.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dstack.UrlGen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Dstack.UrlGen.sln was not found above {AppContext.BaseDirectory}; run the suite from a clone of the repository.");
    }
}
