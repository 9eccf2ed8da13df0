using System.Globalization;
using BenchmarkDotNet.Running;
using Dstack.UrlGen.AnalyzerBenchmarks;

// `dotnet run -c Release -- telemetry [files] [runs]` prints the analyzers' logged execution times (the figure);
// anything else goes to BenchmarkDotNet (`dotnet run -c Release -- --filter *`) for wall time and allocations.
if (args.Length > 0 && args[0] == "telemetry")
{
    int files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return await ExecutionTimeTable.RunAsync(files, runs);
}

// `dotnet run -c Release -- cpu [files] [runs]`: the same comparison by process CPU time, for a machine under load.
if (args.Length > 0 && args[0] == "cpu")
{
    int files = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
    int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    return await CpuTimeTable.RunAsync(files, runs);
}

BenchmarkSwitcher.FromAssembly(typeof(AnalyzerBenchmarks).Assembly).Run(args);
return 0;
