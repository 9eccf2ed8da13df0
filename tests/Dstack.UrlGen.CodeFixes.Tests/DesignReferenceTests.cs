using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>
/// The analyzers, fixes and their tests point to the design page in the repository (docs/analyzers.md), never to a design
/// file outside it.
/// </summary>
public class DesignReferenceTests
{
    private static readonly string OutsideDesignFile = "DESIGN" + ".md";

    [Theory]
    [InlineData("src/Generator")]
    [InlineData("src/Generator.CodeFixes")]
    [InlineData("tests/Dstack.UrlGen.Analyzers.Tests")]
    [InlineData("tests/Dstack.UrlGen.CodeFixes.Tests")]
    public void Sources_point_to_docs_not_to_an_outside_design_file(string folder)
    {
        string root = Path.Combine(RepositoryRoot.Path, folder);
        string[] mentions = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => File.ReadAllText(path).Contains(OutsideDesignFile, StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(RepositoryRoot.Path, path))
            .ToArray();
        Assert.Empty(mentions);
    }

    [Fact]
    public void The_design_page_the_comments_point_to_exists()
        => Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, "docs", "analyzers.md")), "docs/analyzers.md is missing.");
}
