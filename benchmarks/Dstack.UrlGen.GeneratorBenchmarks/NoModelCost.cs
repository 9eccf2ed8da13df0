using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// What our generator costs in a project that references the package and declares no model (no attribute, no
/// dstack configuration): the same 1,000 ordinary files and 100 [LoggerMessage] methods, zero models. Each round is
/// a cold run (a new driver on a fresh clone of the compilation, so no type look-up is cached) and a run after an
/// unrelated edit. Prints the minimum, quartile and median.
/// </summary>
internal static class NoModelCost
{
    public static void Run(int rounds)
    {
        var project = new SyntheticProject(declarations: 0, configurations: 0);
        ISourceGenerator generator = new DstackModelGenerator().AsSourceGenerator();
        GeneratorDriver warm = GeneratorBenchmarks.Check(GeneratorBenchmarks.Driver(generator, project).RunGenerators(project.Compilation), "Dstack.UrlGen", 0);
        var cold = new List<double>();
        var afterEdit = new List<double>();
        int edit = 0;
        for (int round = -3; round < rounds; round++)
        {
            Compilation clone = project.Compilation.Clone();
            GeneratorDriver driver = GeneratorBenchmarks.Driver(generator, project);
            double coldMs = InterleavedComparison.Time(() => driver.RunGenerators(clone));
            Compilation edited = project.WithUnrelatedEdit(++edit);
            double editMs = InterleavedComparison.Time(() => warm = warm.RunGenerators(edited));
            if (round >= 0)
            {
                cold.Add(coldMs);
                afterEdit.Add(editMs);
            }
        }

        Console.WriteLine($"No model declared, {rounds} rounds (after 3 warm-up rounds), milliseconds per run:");
        Console.WriteLine("| Run | Min | Q1 | Median |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine(InterleavedComparison.Row("Dstack.UrlGen, no model: cold run", cold));
        Console.WriteLine(InterleavedComparison.Row("Dstack.UrlGen, no model: after an unrelated edit", afterEdit));
    }
}
