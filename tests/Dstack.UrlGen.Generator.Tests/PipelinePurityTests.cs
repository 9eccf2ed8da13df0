using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>Pipeline models hold only values: no symbol, syntax, location or compilation.</summary>
public sealed class PipelinePurityTests
{
    [Fact]
    public async Task No_named_step_of_any_case_holds_a_compiler_object()
    {
        int walked = 0;
        foreach (DeclarationCase declaration in DeclarationCases.All)
        {
            GeneratorRun run = await GeneratorHarness.RunOnceAsync(declaration.Input);
            foreach (string name in Incrementality.StepNames)
            {
                foreach (var (value, _) in Incrementality.Steps(run.Result, name).SelectMany(s => s.Outputs))
                {
                    Assert.Null(PipelineModelWalker.FindCompilerObject(value, name));
                    walked++;
                }
            }
        }

        Assert.True(walked > DeclarationCases.All.Length * 6, $"Only {walked} step outputs were walked; are the steps still tracked?");
    }

    [Fact]
    public async Task Every_named_step_runs_when_there_is_a_model()
    {
        // A declaration and dstack configurations: both kinds of model, so every step has input.
        GeneratorRun run = await GeneratorHarness.RunAsync(DeclarationCases.Get("Configuration_SeveralFiles_WithTaskAndDeclaration").Input);

        Assert.Empty(Incrementality.StepNames.Except(run.Result.TrackedSteps.Keys));
    }

    [Fact]
    public void Every_step_name_is_distinct_and_every_model_type_is_value_equal()
    {
        Assert.Equal(Incrementality.StepNames.Length, Incrementality.StepNames.Distinct().Count());

        var one = Spec();
        var two = Spec();
        Assert.NotSame(one, two);
        Assert.Equal(one, two);
        Assert.Equal(one.GetHashCode(), two.GetHashCode());
        Assert.NotEqual(one, one with { Run = "other" });
    }

    [Fact]
    public void The_walker_finds_a_compiler_object_however_deep_it_is()
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { }");
        var holder = new { Models = new object[] { "text", new[] { (Name: "x", Where: tree.GetRoot().GetLocation()) } } };

        Assert.Equal("root.<Models>i__Field[1][0].Item2 (SourceLocation)", PipelineModelWalker.FindCompilerObject(holder, "root"));
        Assert.Null(PipelineModelWalker.FindCompilerObject(Spec(), "root"));
    }

    private static DstackModelSpec Spec() => new(
        "Contoso.Models",
        new[] { new TypeDeclarationSpec("public static", "class", "Outer") }.ToEquatableArray(),
        new TypeDeclarationSpec("internal static", "class", "Qwen"),
        "Contoso.Models.Outer.Qwen",
        "Qwen/Qwen3.6-27B",
        "main",
        "qwen36",
        null,
        default);
}
