namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>The clone this test assembly was built from: the first folder above it that holds Dstack.UrlGen.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Dstack.UrlGen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No folder above '{AppContext.BaseDirectory}' holds Dstack.UrlGen.sln; run the tests from a clone of the repository.");
    }
}
