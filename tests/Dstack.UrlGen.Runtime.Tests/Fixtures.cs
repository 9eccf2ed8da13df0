namespace Dstack.UrlGen.Tests;

/// <summary>Reads the copies of the shared fixtures that the build places beside the test assembly.</summary>
internal static class Fixtures
{
    public static string PathOf(string relative)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Fixture '{relative}' is missing from the test output; it is copied from tests/fixtures/ at build time.", path);
    }

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));
}
