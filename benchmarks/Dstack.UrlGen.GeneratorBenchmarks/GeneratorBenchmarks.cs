using BenchmarkDotNet.Attributes;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// Our generator against the SDK's LoggerMessage generator on one synthetic compilation
/// (1,000 ordinary files, 100 [DstackModel] declarations, 50 dstack service configurations, 100 [LoggerMessage] methods):
/// a cold run (a new driver on a compilation with no bound symbols yet) and a run after an unrelated edit
/// (the driver of an earlier run on a compilation in which one ordinary method body changed).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class GeneratorBenchmarks
{
    private SyntheticProject _project = null!;
    private ISourceGenerator _dstack = null!;
    private ISourceGenerator _logging = null!;
    private GeneratorDriver _dstackWarm = null!;
    private GeneratorDriver _loggingWarm = null!;
    private int _edit;

    [GlobalSetup]
    public void Setup()
    {
        _project = new SyntheticProject();
        _dstack = new DstackModelGenerator().AsSourceGenerator();
        _logging = DotnetInstallation.LoadGenerators(DotnetInstallation.LoggingGeneratorPath).Single(g => g.GetGeneratorType().Name == "LoggerMessageGenerator");
        _dstackWarm = Check(Driver(_dstack).RunGenerators(_project.Compilation), "Dstack.UrlGen", _project.ExpectedDstackFiles);
        _loggingWarm = Check(Driver(_logging).RunGenerators(_project.Compilation), "LoggerMessage", 1);
    }

    [Benchmark(Description = "Dstack.UrlGen: cold run")]
    public GeneratorDriver DstackCold() => Driver(_dstack).RunGenerators(_project.Compilation.Clone());

    [Benchmark(Description = "LoggerMessage: cold run")]
    public GeneratorDriver LoggingCold() => Driver(_logging).RunGenerators(_project.Compilation.Clone());

    [Benchmark(Description = "Dstack.UrlGen: after an unrelated edit")]
    public GeneratorDriver DstackAfterEdit() => _dstackWarm.RunGenerators(_project.WithUnrelatedEdit(++_edit));

    [Benchmark(Description = "LoggerMessage: after an unrelated edit")]
    public GeneratorDriver LoggingAfterEdit() => _loggingWarm.RunGenerators(_project.WithUnrelatedEdit(++_edit));

    private GeneratorDriver Driver(ISourceGenerator generator) => Driver(generator, _project);

    /// <summary>A new driver for one generator, with the project's additional files, as a build creates it.</summary>
    internal static GeneratorDriver Driver(ISourceGenerator generator, SyntheticProject project)
        => CSharpGeneratorDriver.Create([generator], project.AdditionalTexts, new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>Fails the setup unless the generator ran without error and wrote what it should: a benchmark of a broken run measures nothing.</summary>
    internal static GeneratorDriver Check(GeneratorDriver driver, string name, int expectedFiles)
    {
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || result.GeneratedSources.Length != expectedFiles)
        {
            throw new InvalidOperationException(
                $"{name} did not run cleanly on the synthetic project: {result.GeneratedSources.Length} file(s) instead of {expectedFiles}, "
                + $"exception {result.Exception?.Message ?? "none"}, diagnostics: {string.Join("; ", result.Diagnostics)}");
        }

        return driver;
    }
}
