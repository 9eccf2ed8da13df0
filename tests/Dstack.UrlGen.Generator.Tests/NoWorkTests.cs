using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// No cost without work: in a compilation with nothing to generate, the generator looks up no type and reads no
/// compilation fact. What each compilation-wide step computed is visible in the driver's tracked steps: a step
/// that looked something up holds the fact it found.
/// </summary>
public sealed class NoWorkTests
{
    private const string NoModel = """
        namespace Contoso.App
        {
            public static class Plain
            {
                public static string Name => nameof(Plain);
            }
        }
        """;

    [Fact]
    public async Task Without_a_model_the_light_up_types_and_the_assembly_name_are_not_looked_up()
    {
        // OpenAI and Microsoft.Extensions.AI are referenced: a look-up would find them.
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(NoModel) { References = ReferenceSet.OpenAIAndExtensionsAI, RootNamespace = null });

        Compilation edited = run.Compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "namespace Contoso.App { public static class Other { } }", run.Input.ParseOptions, "Other.cs"));
        GeneratorRunResult afterEdit = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Empty(run.Sources);
        foreach (GeneratorRunResult result in new[] { run.Result, afterEdit })
        {
            Assert.All(StepValues(result, TrackingNames.LightUp), value => Assert.Null(value));
            Assert.All(StepValues(result, TrackingNames.AssemblyName), value => Assert.Null(value));
        }
    }

    [Fact]
    public async Task With_a_model_the_same_steps_find_the_light_up_types_and_the_assembly_name()
    {
        const string model = """
            namespace Contoso.App
            {
                [Dstack.UrlGen.DstackModel("m")]
                public static partial class M { }
            }
            """;
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(NoModel, model) { References = ReferenceSet.OpenAIAndExtensionsAI, RootNamespace = null });

        Assert.Equal([new LightUpFacts(true, true)], StepValues(run.Result, TrackingNames.LightUp));
        Assert.Equal(["Contoso.App"], StepValues(run.Result, TrackingNames.AssemblyName));
    }

    [Fact]
    public async Task A_first_model_added_to_a_project_without_one_gets_the_light_up_members()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(NoModel) { References = ReferenceSet.OpenAIAndExtensionsAI, RootNamespace = null });
        Compilation withModel = run.Compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "namespace Contoso.App { [Dstack.UrlGen.DstackModel(\"m\")] public static partial class M { } }",
            run.Input.ParseOptions,
            "M.cs"));

        GeneratorRunResult second = run.Driver.RunGenerators(withModel).GetRunResult().Results.Single();

        GeneratorHarness.AssertGeneratorSucceeded(second);
        string model = second.GeneratedSources.Single(s => s.HintName == "Contoso.App.M.DstackModel.g.cs").SourceText.ToString();
        Assert.Contains("CreateIChatClientAsync", model);
        Assert.Contains("namespace Contoso.App", second.GeneratedSources.Single(s => s.HintName == CatalogEmitterHintName).SourceText.ToString());
    }

    private const string CatalogEmitterHintName = "DstackModelCatalog.g.cs";

    private static object?[] StepValues(GeneratorRunResult result, string name)
    {
        var steps = Incrementality.Steps(result, name);
        return steps.SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
    }
}
