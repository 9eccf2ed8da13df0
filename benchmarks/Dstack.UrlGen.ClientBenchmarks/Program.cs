using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Dstack.UrlGen.Benchmarks.ClientCacheBenchmarks).Assembly).Run(args);
