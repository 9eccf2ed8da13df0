using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>
/// Runs <see cref="DstackModelGenerator"/> the way every generator test must: once on the input, then again
/// after an unrelated edit, asserting that the second run took everything from the cache and that no pipeline
/// model holds a compiler object.
/// </summary>
internal static class GeneratorHarness
{
    private const string UnrelatedSource = "internal static class UnrelatedEdit\n{\n    public static int Answer() => 42;\n}\n";

    public static async Task<GeneratorRun> RunAsync(GeneratorInput input)
    {
        GeneratorRun run = await RunOnceAsync(input);
        AssertGeneratorSucceeded(run.Result);
        PipelineModelWalker.AssertNoCompilerObjects(run.Result);

        Compilation edited = run.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(UnrelatedSource, input.ParseOptions, "UnrelatedEdit.cs"));
        GeneratorRunResult second = run.Driver.RunGenerators(edited).GetRunResult().Results.Single();
        AssertGeneratorSucceeded(second);
        Incrementality.AssertEverythingCached(run.Result, second);
        PipelineModelWalker.AssertNoCompilerObjects(second);
        return run;
    }

    /// <summary>One run without the incrementality check, for tests that edit the compilation themselves.</summary>
    public static async Task<GeneratorRun> RunOnceAsync(GeneratorInput input)
    {
        CSharpParseOptions parseOptions = input.ParseOptions;
        IEnumerable<SyntaxTree> trees = input.Sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, $"Source{i}.cs"));
        Compilation compilation = CSharpCompilation.Create(
            input.AssemblyName,
            trees,
            await TestReferences.GetAsync(input.References),
            CompilationOptions(input.LanguageVersion));
        return Run(input, compilation, CreateDriver(input));
    }

    /// <summary>Runs <paramref name="driver"/> (fresh or from an earlier run) on <paramref name="compilation"/>.</summary>
    public static GeneratorRun Run(GeneratorInput input, Compilation compilation, GeneratorDriver driver)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(input, compilation, output, driver, driver.GetRunResult().Results.Single());
    }

    /// <summary>A driver for <paramref name="input"/>; <paramref name="additionalTexts"/> replaces its additional files when given (keep them to edit one later).</summary>
    public static GeneratorDriver CreateDriver(GeneratorInput input, IEnumerable<AdditionalText>? additionalTexts = null)
    {
        var globalOptions = ImmutableDictionary<string, string>.Empty;
        if (input.RootNamespace is not null)
        {
            globalOptions = globalOptions.Add("build_property.RootNamespace", input.RootNamespace);
        }

        return CSharpGeneratorDriver.Create(
            [new DstackModelGenerator().AsSourceGenerator()],
            additionalTexts: additionalTexts ?? input.AdditionalFiles.Select(f => (AdditionalText)new TestAdditionalText(f.Path, f.Text)),
            parseOptions: input.ParseOptions,
            optionsProvider: new TestAnalyzerConfigOptionsProvider(globalOptions),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>
    /// Options as a consumer's build has them: nullable on from C# 8, every warning wave, and the assembly
    /// unification notes CS1701/CS1702 off, as the .NET SDK's default NoWarn has them.
    /// </summary>
    public static CSharpCompilationOptions CompilationOptions(LanguageVersion languageVersion)
        => new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion.MapSpecifiedToEffectiveVersion() >= LanguageVersion.CSharp8
                    ? NullableContextOptions.Enable
                    : NullableContextOptions.Disable,
                warningLevel: 9999)
            .WithSpecificDiagnosticOptions([
                new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress),
                new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress)]);

    /// <summary>The generator never throws and never reports a diagnostic (the analyzers do).</summary>
    public static void AssertGeneratorSucceeded(GeneratorRunResult result)
    {
        Assert.True(result.Exception is null, $"The generator threw: {result.Exception}");
        Assert.Empty(result.Diagnostics);
    }
}
