using System.Diagnostics;
using System.Globalization;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// The same four measurements as <see cref="GeneratorBenchmarks"/>, but with the two generators alternating run by
/// run, so that a machine whose load changes over minutes (a shared CI or build box) slows both alike. Prints the
/// minimum, quartile and median of each.
/// </summary>
internal static class InterleavedComparison
{
    public static void Run(int rounds)
    {
        var project = new SyntheticProject();
        ISourceGenerator[] generators =
        [
            new DstackModelGenerator().AsSourceGenerator(),
            DotnetInstallation.LoadGenerators(DotnetInstallation.LoggingGeneratorPath).Single(g => g.GetGeneratorType().Name == "LoggerMessageGenerator"),
        ];
        string[] names = ["Dstack.UrlGen", "LoggerMessage"];
        GeneratorDriver[] warm = generators.Select(g => GeneratorBenchmarks.Driver(g, project).RunGenerators(project.Compilation)).ToArray();
        var cold = new[] { new List<double>(), new List<double>() };
        var afterEdit = new[] { new List<double>(), new List<double>() };
        int edit = 0;
        for (int round = -3; round < rounds; round++)
        {
            for (int g = 0; g < generators.Length; g++)
            {
                Compilation clone = project.Compilation.Clone();
                GeneratorDriver driver = GeneratorBenchmarks.Driver(generators[g], project);
                double coldMs = Time(() => driver.RunGenerators(clone));
                Compilation edited = project.WithUnrelatedEdit(++edit);
                double editMs = Time(() => warm[g].RunGenerators(edited));
                if (round >= 0)
                {
                    cold[g].Add(coldMs);
                    afterEdit[g].Add(editMs);
                }
            }
        }

        Console.WriteLine($"Interleaved, {rounds} rounds (after 3 warm-up rounds), milliseconds per run:");
        Console.WriteLine("| Run | Min | Q1 | Median |");
        Console.WriteLine("|---|---:|---:|---:|");
        for (int g = 0; g < generators.Length; g++)
        {
            Console.WriteLine(Row($"{names[g]}: cold run", cold[g]));
        }

        for (int g = 0; g < generators.Length; g++)
        {
            Console.WriteLine(Row($"{names[g]}: after an unrelated edit", afterEdit[g]));
        }
    }

    public static double Time(Func<GeneratorDriver> run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalMilliseconds;
    }

    public static string Row(string name, List<double> values)
    {
        values.Sort();
        return string.Format(CultureInfo.InvariantCulture, "| {0} | {1:F2} | {2:F2} | {3:F2} |", name, values[0], values[values.Count / 4], values[values.Count / 2]);
    }
}
