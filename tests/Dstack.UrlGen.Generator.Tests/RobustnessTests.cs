using System.Collections.Immutable;
using System.Text;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// The generator sees half-typed code on every keystroke. Over every prefix (cut at each token) of many
/// declaration sources, and over random token deletions, it never throws, and whatever it generates compiles
/// without an error of its own.
/// </summary>
public sealed class RobustnessTests
{
    private const int DeletionsPerSource = 25;
    private const int Seed = 20_26_11_27;

    /// <summary>More shapes beyond the snapshot cases: odd argument forms, several attributes, broken targets.</summary>
    private static readonly string[] ExtraSources =
    [
        """
        using Dstack.UrlGen;
        namespace Contoso.Extra
        {
            [DstackModel(modelName: "Qwen/Qwen3.6-27B", BaseUrl = "https://qwen36.example.com/v1", Project = "main")]
            public static partial class Named { }
        }
        """,
        """
        using Dstack.UrlGen;
        namespace Contoso.Extra
        {
            [System.Serializable, DstackModel("m" + "-suffix", Run = "run" + "-one")]
            public partial class Concatenated { }
        }
        """,
        """
        using Dstack.UrlGen;
        using Alias = Dstack.UrlGen.DstackModelAttribute;
        [Alias("aliased", Project = nameof(Alias))]
        internal partial class ThroughAlias { }
        """,
        """
        using Dstack.UrlGen;
        public partial class Outer<T>
        {
            [DstackModel("in-generic")]
            public partial class Inner { }
        }
        public class Plain
        {
            [DstackModel("in-non-partial")]
            public partial class Inner { }
        }
        """,
        """
        using Dstack.UrlGen;
        namespace A.B.C
        {
            public static partial class L1 { public partial class L2 { internal partial class L3 {
                [DstackModel("deep", Project = "p", Run = "deep-run", BaseUrl = "/proxy/services/p/deep-run/v1")]
                private protected static partial class L4 { }
            } } }
        }
        """,
    ];

    public static TheoryData<int> SourceIndexes()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Sources.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    private static ImmutableArray<string> Sources { get; } = DeclarationCases.All
        .SelectMany(c => c.Input.Sources)
        .Concat(ExtraSources)
        .ToImmutableArray();

    [Fact]
    public void There_are_at_least_twenty_sources_with_declarations()
    {
        Assert.True(Sources.Length >= 20, $"Only {Sources.Length} sources.");
        Assert.True(Sources.Count(s => s.Contains("DstackModel") || s.Contains("Alias(")) >= 20);
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Every_prefix_cut_at_a_token_is_handled(int index)
    {
        string source = Sources[index];
        var tokens = Tokens(source);
        int generatedSomething = 0;
        foreach (SyntaxToken token in tokens)
        {
            generatedSomething += await RunAndCheckAsync(source.Substring(0, token.Span.End), $"prefix of source {index} up to '{token.Text}' at {token.Span.End}");
        }

        Assert.True(tokens.Count > 10);
        if (source.Contains("public static partial class Qwen"))
        {
            Assert.True(generatedSomething > 0, "No prefix produced output; the check above proved nothing.");
        }
    }

    [Theory]
    [MemberData(nameof(SourceIndexes))]
    public async Task Random_token_deletions_are_handled(int index)
    {
        string source = Sources[index];
        var tokens = Tokens(source);
        var random = new Random(Seed + index);
        for (int i = 0; i < DeletionsPerSource; i++)
        {
            var deleted = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(tokens.Count)).ToHashSet();
            var text = new StringBuilder();
            for (int t = 0; t < tokens.Count; t++)
            {
                text.Append(deleted.Contains(t) ? " " : tokens[t].ToFullString());
            }

            await RunAndCheckAsync(text.ToString(), $"source {index} without tokens {string.Join(", ", deleted.Order().Select(t => $"'{tokens[t].Text}'"))}");
        }
    }

    /// <summary>Runs the generator (the harness asserts no exception, no diagnostic, full caching); returns the number of files.</summary>
    private static async Task<int> RunAndCheckAsync(string source, string what)
    {
        GeneratorRun run;
        try
        {
            run = await GeneratorHarness.RunAsync(new GeneratorInput(source));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{what}:\n{source}\n\n{e.Message}");
        }

        foreach (SyntaxTree tree in run.GeneratedTrees)
        {
            var errors = run.OutputCompilation.GetSemanticModel(tree).GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .ToList();
            Assert.True(errors.Count == 0, $"{what}: the generated {Path.GetFileName(tree.FilePath)} has errors:\n{string.Join("\n", errors)}\n\nsource:\n{source}\n\ngenerated:\n{tree}");
        }

        return run.Sources.Count;
    }

    private static List<SyntaxToken> Tokens(string source)
        => CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken)).ToList();
}
