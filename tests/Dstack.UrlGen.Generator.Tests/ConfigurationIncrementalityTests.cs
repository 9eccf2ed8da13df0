using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// What runs again after an edit when models come from dstack configurations. (An edit to a .cs file that touches
/// no declaration is checked for every case by <see cref="GeneratorHarness"/>.)
/// </summary>
public sealed class ConfigurationIncrementalityTests
{
    private static GeneratorInput Input => DeclarationCases.Get("Configuration_SeveralFiles_WithTaskAndDeclaration").Input;

    [Fact]
    public async Task Editing_an_additional_file_that_is_not_a_configuration_leaves_every_step_cached()
    {
        (GeneratorRun run, List<AdditionalText> texts) = await RunAsync();
        GeneratorDriver driver = Replace(run.Driver, texts, "/repo/app/appsettings.json", "{ \"model\": \"edited\" }");

        GeneratorRunResult second = driver.RunGenerators(run.Compilation).GetRunResult().Results.Single();

        GeneratorHarness.AssertGeneratorSucceeded(second);
        Incrementality.AssertEverythingCached(run.Result, second);
    }

    [Fact]
    public async Task Editing_a_configuration_that_is_not_a_service_leaves_every_step_cached()
    {
        (GeneratorRun run, List<AdditionalText> texts) = await RunAsync();
        GeneratorDriver driver = Replace(run.Driver, texts, "/repo/app/train.dstack.yml", "type: task\nname: train\ncommands: [\"python train.py --epochs 3\"]\n");

        GeneratorRunResult second = driver.RunGenerators(run.Compilation).GetRunResult().Results.Single();

        Incrementality.AssertEverythingCached(run.Result, second);
    }

    [Fact]
    public async Task Editing_one_configurations_model_regenerates_only_its_class_and_the_catalog()
    {
        (GeneratorRun run, List<AdditionalText> texts) = await RunAsync();
        GeneratorDriver driver = Replace(run.Driver, texts, "/repo/app/qwen36.dstack.yml", "type: service\nname: qwen36\nport: 8000\nmodel: Qwen/Qwen3.6-35B\n");

        GeneratorRunResult second = driver.RunGenerators(run.Compilation).GetRunResult().Results.Single();

        GeneratorHarness.AssertGeneratorSucceeded(second);
        Assert.Equal(
            ["Contoso.App.DstackServices.Qwen36.DstackModel.g.cs", "DstackModelCatalog.g.cs"],
            ChangedSources(run.Result, second));
        Assert.Equal([IncrementalStepRunReason.Cached], Incrementality.Reasons(second, TrackingNames.LightUp).Distinct());
        Assert.All(Incrementality.Reasons(second, TrackingNames.ModelsWithOptions), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        PipelineModelWalker.AssertNoCompilerObjects(second);
    }

    [Fact]
    public async Task A_configuration_that_becomes_invalid_drops_its_class_and_nothing_else()
    {
        (GeneratorRun run, List<AdditionalText> texts) = await RunAsync();
        GeneratorDriver driver = Replace(run.Driver, texts, "/repo/app/qwen36.dstack.yml", "type: service\nname: qwen36\nmodel: [broken\nport: 8000\n");

        GeneratorRunResult second = driver.RunGenerators(run.Compilation).GetRunResult().Results.Single();

        GeneratorHarness.AssertGeneratorSucceeded(second);
        Assert.Equal(
            ["Contoso.App.DstackServices.Gemma_3.DstackModel.g.cs", "Contoso.App.Models.Qwen.DstackModel.g.cs", "DstackModelCatalog.g.cs"],
            second.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    /// <summary>The first run (with the harness's checks) on additional files this test keeps, so that it can replace one.</summary>
    private static async Task<(GeneratorRun Run, List<AdditionalText> Texts)> RunAsync()
    {
        GeneratorInput input = Input;
        List<AdditionalText> texts = input.AdditionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)).ToList();
        GeneratorRun checkedRun = await GeneratorHarness.RunAsync(input);
        GeneratorRun run = GeneratorHarness.Run(input, checkedRun.Compilation, GeneratorHarness.CreateDriver(input, texts));
        return (run, texts);
    }

    private static GeneratorDriver Replace(GeneratorDriver driver, List<AdditionalText> texts, string path, string text)
        => driver.ReplaceAdditionalText(texts.Single(t => t.Path == path), new TestAdditionalText(path, text));

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
