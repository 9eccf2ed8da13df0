using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dstack.UrlGen.Benchmarks.ResolveBenchmarks).Assembly).Run(args);
