using Dstack.UrlGen.Generator.Tests.Infrastructure;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>The generated files of every declaration shape, compared with the committed ones.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(DeclarationCases.Names), MemberType = typeof(DeclarationCases))]
    public async Task Generated_files_match_the_committed_expected_files(string caseName)
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(DeclarationCases.Get(caseName).Input);

        Snapshots.Verify(caseName, run.Sources);
    }

    [Fact]
    public void Every_expected_folder_belongs_to_a_case()
    {
        var cases = DeclarationCases.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);

        var orphans = Snapshots.ExpectedCaseNames().Where(name => !cases.Contains(name)).ToList();

        Assert.True(orphans.Count == 0, $"Expected/ holds folders of no case: {string.Join(", ", orphans)}; delete them.");
        Assert.True(Snapshots.Updating || cases.All(c => Snapshots.ReadExpected(c).Count > 0), "A case has no committed expected files; run with DSTACK_UPDATE_SNAPSHOTS=1.");
    }
}
