using BenchmarkDotNet.Running;

if (args.Length == 2 && args[0] == "--interleaved")
{
    Dstack.UrlGen.Benchmarks.Interleaved.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args.Length == 2 && args[0] == "--parts")
{
    Dstack.UrlGen.Benchmarks.Parts.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Dstack.UrlGen.Benchmarks.ResolveBenchmarks).Assembly).Run(args);
