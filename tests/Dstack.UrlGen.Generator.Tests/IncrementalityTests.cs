using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>What runs again after an edit: only what the edit touched.</summary>
public sealed class IncrementalityTests
{
    private static readonly GeneratorInput ThreeModels = new(
        """
        namespace Contoso.A
        {
            [Dstack.UrlGen.DstackModel("a-model", Project = "main")]
            public static partial class First { }
        }
        """,
        """
        namespace Contoso.B
        {
            [Dstack.UrlGen.DstackModel("b-model", Run = "bravo")]
            public static partial class Second { }
        }
        """,
        """
        namespace Contoso.C
        {
            [Dstack.UrlGen.DstackModel("c-model", BaseUrl = "https://c.example.com/v1")]
            public static partial class Third { }
        }
        """);

    [Fact]
    public async Task Editing_one_declarations_argument_regenerates_only_that_model_and_the_catalog()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(ThreeModels);
        Compilation edited = ReplaceInTree(run.Compilation, 1, "Run = \"bravo\"", "Run = \"bravo-two\"");

        GeneratorRunResult second = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        GeneratorHarness.AssertGeneratorSucceeded(second);
        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached],
            Incrementality.Reasons(second, TrackingNames.ModelsWithOptions));
        Assert.Equal([IncrementalStepRunReason.Modified], Incrementality.Reasons(second, TrackingNames.Catalog));
        Assert.Equal([IncrementalStepRunReason.Cached], Incrementality.Reasons(second, TrackingNames.RootNamespace));
        Assert.Equal([IncrementalStepRunReason.Cached], Incrementality.Reasons(second, TrackingNames.EmitOptions));

        var changed = ChangedSources(run.Result, second);
        Assert.Equal(["Contoso.B.Second.DstackModel.g.cs", "DstackModelCatalog.g.cs"], changed);
        Assert.Contains("public const string Run = \"bravo-two\";", second.GeneratedSources.Single(s => s.HintName == "Contoso.B.Second.DstackModel.g.cs").SourceText.ToString());
        PipelineModelWalker.AssertNoCompilerObjects(second);
    }

    [Fact]
    public async Task Editing_a_declarations_body_without_touching_the_attribute_changes_no_file()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(ThreeModels);
        Compilation edited = ReplaceInTree(run.Compilation, 0, "public static partial class First { }", "public static partial class First { public static int Extra => 1; }");

        GeneratorRunResult second = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        // The semantic transform runs again for every declaration (the compilation changed), but yields equal models.
        Assert.All(Incrementality.Reasons(second, TrackingNames.Declarations), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(Incrementality.Reasons(second, TrackingNames.Models), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Empty(ChangedSources(run.Result, second));
        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public async Task Adding_an_OpenAI_reference_regenerates_every_model_with_the_light_up_members()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(ThreeModels);
        var openAI = await TestReferences.GetAsync(ReferenceSet.OpenAI);
        Compilation withOpenAI = run.Compilation.WithReferences(openAI);

        GeneratorRunResult second = run.Driver.RunGenerators(withOpenAI).GetRunResult().Results.Single();

        Assert.Equal([IncrementalStepRunReason.Modified], Incrementality.Reasons(second, TrackingNames.LightUp));
        Assert.All(Incrementality.Reasons(second, TrackingNames.ModelsWithOptions), r => Assert.Equal(IncrementalStepRunReason.Modified, r));
        Assert.All(
            second.GeneratedSources.Where(s => s.HintName != "DstackModelCatalog.g.cs"),
            s => Assert.Contains("CreateChatClientAsync", s.SourceText.ToString()));
        Assert.DoesNotContain(second.GeneratedSources, s => s.SourceText.ToString().Contains("CreateIChatClientAsync"));
    }

    [Fact]
    public async Task A_declaration_that_becomes_invalid_drops_its_file_and_leaves_the_others_cached()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(ThreeModels);
        Compilation edited = ReplaceInTree(run.Compilation, 2, "https://c.example.com/v1", "ftp://c.example.com/v1");

        GeneratorRunResult second = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Equal(
            ["Contoso.A.First.DstackModel.g.cs", "Contoso.B.Second.DstackModel.g.cs", "DstackModelCatalog.g.cs"],
            second.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Equal(
            [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Removed],
            Incrementality.Reasons(second, TrackingNames.ModelsWithOptions));
        Assert.DoesNotContain("c-model", second.GeneratedSources.Single(s => s.HintName == "DstackModelCatalog.g.cs").SourceText.ToString());
    }

    private static Compilation ReplaceInTree(Compilation compilation, int index, string oldText, string newText)
    {
        SyntaxTree tree = compilation.SyntaxTrees.ElementAt(index);
        string text = tree.GetText().ToString();
        Assert.Contains(oldText, text);
        SyntaxTree edited = CSharpSyntaxTree.ParseText(text.Replace(oldText, newText), (CSharpParseOptions)tree.Options, tree.FilePath);
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    private static List<string> ChangedSources(GeneratorRunResult first, GeneratorRunResult second)
    {
        var before = first.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        return second.GeneratedSources
            .Where(s => !before.TryGetValue(s.HintName, out string? text) || text != s.SourceText.ToString())
            .Select(s => s.HintName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
