using System.Reflection;
using System.Text.RegularExpressions;
using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>Every descriptor has a rule page its help link names, and a row in the release tracking files, and back.</summary>
public class RuleDocumentationTests
{
    private static readonly Type DescriptorsType = DstackAnalyzers.GeneratorAssembly.GetType("Dstack.UrlGen.Generator.Diagnostics.DiagnosticDescriptors", throwOnError: true)!;

    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = DescriptorsType
        .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
        .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
        .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
        .ToList();

    private static readonly string RulesFolder = Path.Combine(RepositoryRoot.Path, "docs", "rules");

    public static TheoryData<string> Ids => new(Descriptors.Select(d => d.Id));

    [Fact]
    public void Every_rule_of_the_design_has_a_descriptor()
    {
        string[] expected = ["DSTK0001", "DSTK0002", "DSTK0003", "DSTK0004", "DSTK0101", "DSTK0102", "DSTK0103", "DSTK0104", "DSTK0105", "DSTK0106", "DSTK0107", "DSTK0108", "DSTK0109", "DSTK0110", "DSTK0111", "DSTK0112", "DSTK0113"];

        Assert.Equal(expected, Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Help_link_names_an_existing_rule_page_titled_as_the_descriptor(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        string helpLinkBase = (string)DescriptorsType.GetField("HelpLinkBase")!.GetRawConstantValue()!;

        Assert.Equal(helpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.EndsWith("/docs/rules/", helpLinkBase, StringComparison.Ordinal);
        string page = Path.Combine(RulesFolder, id + ".md");
        Assert.True(File.Exists(page), $"{descriptor.HelpLinkUri} names docs/rules/{id}.md, which does not exist.");
        Assert.Equal($"# {id}: {descriptor.Title}", File.ReadLines(page).First());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_page_shows_bad_code_good_code_and_how_to_suppress(string id)
    {
        string page = File.ReadAllText(Path.Combine(RulesFolder, id + ".md"));

        Assert.Contains("## Why", page, StringComparison.Ordinal);
        Assert.Contains("## Bad", page, StringComparison.Ordinal);
        Assert.Contains("## Good", page, StringComparison.Ordinal);
        Assert.Contains("## Suppress", page, StringComparison.Ordinal);
        Assert.Contains($"#pragma warning disable {id}", page, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page, StringComparison.Ordinal);
        Assert.Contains($"\"{id}\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_index_links_the_page(string id)
    {
        string index = File.ReadAllText(Path.Combine(RulesFolder, "README.md"));

        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Release_tracking_lists_the_id_with_its_category_and_severity(string id)
    {
        var descriptor = Descriptors.Single(d => d.Id == id);
        var rows = ReleaseTrackingRows().Where(row => row.Id == id).ToList();

        var row = Assert.Single(rows);
        Assert.Equal(descriptor.Category, row.Category);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), row.Severity);
    }

    [Fact]
    public void Every_rule_page_belongs_to_a_descriptor()
    {
        var pages = Directory.GetFiles(RulesFolder, "*.md")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name != "README")
            .Order(StringComparer.Ordinal);

        Assert.Equal(Descriptors.Select(d => d.Id).Order(StringComparer.Ordinal), pages);
    }

    [Fact]
    public void Every_release_tracking_row_belongs_to_a_descriptor()
    {
        var ids = Descriptors.Select(d => d.Id).ToHashSet();

        Assert.All(ReleaseTrackingRows(), row => Assert.Contains(row.Id, ids));
    }

    /// <summary>Rule rows of both release files: "ID | Category | Severity | Notes".</summary>
    private static IEnumerable<(string Id, string Category, string Severity)> ReleaseTrackingRows()
    {
        var rule = new Regex(@"^(DSTK\d{4})\s*\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|", RegexOptions.CultureInvariant);
        foreach (string file in new[] { "AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md" })
        {
            foreach (string line in File.ReadLines(Path.Combine(RepositoryRoot.Path, "src", "Generator", file)))
            {
                var match = rule.Match(line);
                if (match.Success)
                {
                    yield return (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
                }
            }
        }
    }
}
