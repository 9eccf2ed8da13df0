using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// Runs the generator benchmarks; pass BenchmarkDotNet arguments, such as <c>--filter *</c>, or
/// <c>--interleaved [rounds]</c> for the alternating comparison, or <c>--no-models [rounds]</c> for the cost of the
/// generator in a project that declares no model.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--interleaved")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
            InterleavedComparison.Run(rounds);
            return;
        }

        if (args.Length > 0 && args[0] == "--no-models")
        {
            int rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100;
            NoModelCost.Run(rounds);
            return;
        }

        // In process: the generators are loaded from this process's dependencies and the SDK, as in a build.
        var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
