using System.Diagnostics;
using System.Globalization;

namespace Dstack.UrlGen.BuildCost;

/// <summary>The analyzer assemblies to measure and the runtime assemblies a consumer references.</summary>
internal sealed record AnalyzerSet(string Folder, IReadOnlyList<string> Analyzers, string? RuntimeNet8, string? RuntimeNetStandard);

/// <summary>One measured build: its log, what the compiler reported, the wall time and the machine load around it.</summary>
internal sealed record BuildRun(int Index, string LogPath, BuildReport Report, TimeSpan WallTime, string LoadBefore, string LoadAfter);

/// <summary>
/// Runs <c>dotnet build</c> the way the measurement needs it: the analyzers added through an injected targets file
/// (nothing in the measured project is edited), <c>ReportAnalyzer</c>, a compiler server of our own (a pipe name of
/// our own, so that it is warm for us and can be stopped without touching other builds on the machine), one
/// discarded build, then measured builds that recompile everything.
/// </summary>
internal sealed class BuildRunner : IDisposable
{
    private readonly string _work;
    private readonly string _dotnet;
    private readonly string _pipeName = "dstack-buildcost-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public BuildRunner(string work)
    {
        _work = work;
        // `dotnet run` and MSBuild set DOTNET_HOST_PATH to the dotnet that runs them; otherwise the one on PATH.
        _dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>Builds the repository's runtime, generator and code fixes (Release) into the work folder, never into the repository.</summary>
    public AnalyzerSet BuildRepository(string repo)
    {
        string runtimeProject = Path.Combine(repo, "src", "Runtime", "Dstack.UrlGen.csproj");
        if (!File.Exists(runtimeProject))
        {
            throw new FileNotFoundException($"'{repo}' is not a Dstack.UrlGen repository: it has no src/Runtime/Dstack.UrlGen.csproj. Pass --repo <repository root> or --analyzers <folder of built dlls>.", runtimeProject);
        }

        string artifacts = Path.Combine(_work, "artifacts");
        string log = Path.Combine(_work, "analyzers-build.log");
        Console.WriteLine($"Building {runtimeProject} (Release) into {artifacts} ...");
        int exit = Run(["build", runtimeProject, "-c", "Release", "--artifacts-path", artifacts, "-nologo", "-v:m"], log);
        if (exit != 0)
        {
            throw new InvalidOperationException($"Building the analyzers of '{repo}' failed (exit code {exit}); see {log}:{Environment.NewLine}{Tail(log, ": error ")}");
        }

        string bin = Path.Combine(artifacts, "bin");
        string folder = Path.Combine(_work, "analyzers");
        Directory.CreateDirectory(folder);
        // The generator's folder holds its dependencies too (a copied-local package); the compiler's own are skipped.
        foreach (string dll in OutputFiles(bin, "Dstack.UrlGen.Generator", "release").Concat(OutputFiles(bin, "Dstack.UrlGen.CodeFixes", "release")))
        {
            string name = Path.GetFileName(dll);
            if (!name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && !name.StartsWith("System.", StringComparison.Ordinal))
            {
                File.Copy(dll, Path.Combine(folder, name), overwrite: true);
            }
        }

        string? net8 = OutputFiles(bin, "Dstack.UrlGen", "release_net8.0").FirstOrDefault(f => Path.GetFileName(f) == "Dstack.UrlGen.dll");
        string? netStandard = OutputFiles(bin, "Dstack.UrlGen", "release_netstandard2.0").FirstOrDefault(f => Path.GetFileName(f) == "Dstack.UrlGen.dll");
        return FromFolder(folder, net8, netStandard);
    }

    /// <summary>Analyzer assemblies already built elsewhere (every dll in the folder but the runtime's).</summary>
    public static AnalyzerSet FromFolder(string folder, string? runtimeNet8 = null, string? runtimeNetStandard = null)
    {
        folder = Path.GetFullPath(folder);
        if (!File.Exists(Path.Combine(folder, "Dstack.UrlGen.Generator.dll")))
        {
            throw new FileNotFoundException($"The analyzer folder '{folder}' has no Dstack.UrlGen.Generator.dll; pass the folder with the built Dstack.UrlGen.Generator.dll and Dstack.UrlGen.CodeFixes.dll.");
        }

        string? runtime = Path.Combine(folder, "Dstack.UrlGen.dll");
        runtime = File.Exists(runtime) ? runtime : null;
        var analyzers = Directory.GetFiles(folder, "*.dll").Where(f => Path.GetFileName(f) != "Dstack.UrlGen.dll").Order(StringComparer.Ordinal).ToList();
        return new AnalyzerSet(folder, analyzers, runtimeNet8 ?? runtime, runtimeNetStandard ?? runtime);
    }

    /// <summary>
    /// Writes the targets file that MSBuild imports after Microsoft.Common.targets in every project of the build
    /// (<c>CustomAfterMicrosoftCommonTargets</c>), as the package's analyzers/ folder would add them, plus a global
    /// analyzer config that turns CA1845 on as a warning.
    /// </summary>
    public string WriteInjection(AnalyzerSet set, IEnumerable<string> analyzerConfigLines)
    {
        string folder = Path.Combine(_work, "inject");
        Directory.CreateDirectory(folder);
        string globalConfig = Path.Combine(folder, "buildcost.globalconfig");
        File.WriteAllLines(globalConfig, new[] { "is_global = true", "dotnet_diagnostic.CA1845.severity = warning" }.Concat(analyzerConfigLines));

        string analyzers = string.Concat(set.Analyzers.Select(a => $"""    <Analyzer Include="{a}" />{Environment.NewLine}"""));
        string references = "";
        if (set.RuntimeNet8 != null)
        {
            references += $"""
                  <ItemGroup Condition="'$(Language)' == 'C#' and '$(TargetFramework)' != '' and $([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net8.0'))">
                    <Reference Include="{set.RuntimeNet8}" Private="false" />
                  </ItemGroup>

                """;
        }

        if (set.RuntimeNetStandard != null)
        {
            references += $"""
                  <ItemGroup Condition="'$(Language)' == 'C#' and '$(TargetFramework)' != '' and !$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net8.0')) and $([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'netstandard2.0'))">
                    <Reference Include="{set.RuntimeNetStandard}" Private="false" />
                  </ItemGroup>

                """;
        }

        string targets = Path.Combine(folder, "DstackUrlGen.BuildCost.targets");
        File.WriteAllText(targets, $"""
            <Project>
              <!-- Written by Dstack.UrlGen.BuildCost: Dstack.UrlGen's analyzers and runtime, as its package adds them. -->
              <ItemGroup Condition="'$(Language)' == 'C#'">
            {analyzers}    <!-- EditorConfigFiles, not GlobalAnalyzerConfigFiles: Roslyn's targets read the latter before this file is imported. -->
                <EditorConfigFiles Include="{globalConfig}" />
              </ItemGroup>
            {references}</Project>

            """);
        return targets;
    }

    /// <summary>A build that warms the compiler server (the first also restores and starts it); its figures are thrown away.</summary>
    public void WarmUp(int index, string target, string targets, IReadOnlyList<string> extraArgs)
    {
        string log = Path.Combine(_work, "logs", $"warm-up-{index}.log");
        var watch = Stopwatch.StartNew();
        int exit = Run(BuildArgs(target, targets, extraArgs, restore: index == 1), log);
        Console.WriteLine($"warm-up {index}: {watch.Elapsed.TotalSeconds:0.0} s (compiler server '{_pipeName}'), log: {log}");
        if (exit != 0)
        {
            throw new InvalidOperationException($"The warm-up build of '{target}' failed (exit code {exit}); see {log}:{Environment.NewLine}{Tail(log, ": error ")}");
        }
    }

    public BuildRun Measure(int index, string target, string targets, IReadOnlyList<string> extraArgs)
    {
        string log = Path.Combine(_work, "logs", $"run-{index}.log");
        string before = LoadAverage();
        var watch = Stopwatch.StartNew();
        int exit = Run(BuildArgs(target, targets, extraArgs, restore: false), log);
        watch.Stop();
        string after = LoadAverage();
        if (exit != 0)
        {
            throw new InvalidOperationException($"Measured build {index} of '{target}' failed (exit code {exit}); see {log}:{Environment.NewLine}{Tail(log, ": error ")}");
        }

        var report = ReportParser.Parse(File.ReadLines(log));
        Check(report, log);
        Console.WriteLine($"run {index}: {watch.Elapsed.TotalSeconds:0.0} s, {report.Compilations.Count} compilation(s), load {before} -> {after}");
        return new BuildRun(index, log, report, watch.Elapsed, before, after);
    }

    /// <summary>The figures must come from the build; a table that is missing is an error, never a zero.</summary>
    private static void Check(BuildReport report, string log)
    {
        if (report.Compilations.Count == 0)
        {
            throw new InvalidDataException($"No 'Total analyzer execution time' table in {log}: the compiler did not report analyzer times (ReportAnalyzer not applied, or nothing was compiled).");
        }

        foreach (var compilation in report.Compilations)
        {
            if (compilation.AnalyzerTotal == null || compilation.GeneratorTotal == null)
            {
                throw new InvalidDataException($"Compilation '{compilation.Name}' in {log} lacks its {(compilation.AnalyzerTotal == null ? "analyzer" : "generator")} table.");
            }

            if (!compilation.Analyzers.Any(a => Figures.IsOurs(a.Assembly)) || !compilation.Generators.Any(g => Figures.IsOurs(g.Assembly)))
            {
                throw new InvalidDataException($"Compilation '{compilation.Name}' in {log} did not run Dstack.UrlGen's analyzers and generator: the injected targets file was not imported there (does the project set CustomAfterMicrosoftCommonTargets itself?).");
            }

            if (compilation.ByServer == null)
            {
                throw new InvalidDataException($"Compilation '{compilation.Name}' in {log} has no 'CompilerServer:' line; cannot tell whether the compiler server ran it.");
            }
        }
    }

    private List<string> BuildArgs(string target, string targets, IReadOnlyList<string> extraArgs, bool restore)
    {
        var args = new List<string>
        {
            "build", target, "-c", "Release", "--no-incremental", "-nologo",
            // Detailed verbosity prints the compiler's ReportAnalyzer tables; one node keeps each compilation's lines together.
            "-v:d", "-m:1",
            "-p:ReportAnalyzer=true",
            // This machine's environment may turn the compiler server off (UseSharedCompilation=false); the measurement needs it warm.
            "-p:UseSharedCompilation=true", "-p:SharedCompilationId=" + _pipeName,
            "-p:CustomAfterMicrosoftCommonTargets=" + targets,
            "-p:EnableNETAnalyzers=true", "-p:RunAnalyzers=true", "-p:RunAnalyzersDuringBuild=true",
            // DSTK and CA1845 are reported as warnings; a project's warnings-as-errors must not stop the measurement.
            "-p:TreatWarningsAsErrors=false", "-p:CodeAnalysisTreatWarningsAsErrors=false", "-p:MSBuildTreatWarningsAsErrors=false",
        };
        if (!restore)
        {
            args.Add("--no-restore");
        }

        args.AddRange(extraArgs);
        return args;
    }

    private int Run(IReadOnlyList<string> args, string log)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(log)!);
        var start = new ProcessStartInfo(_dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // English messages, so that the tables and diagnostics are recognized; no lingering MSBuild nodes or MSBuild server.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{_dotnet}'.");
        using var output = new StreamWriter(log);
        var lockObject = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data != null) { lock (lockObject) { output.WriteLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) { lock (lockObject) { output.WriteLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        return process.ExitCode;
    }

    private static IEnumerable<string> OutputFiles(string bin, string project, string pivot)
    {
        string folder = Path.Combine(bin, project, pivot);
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            : throw new DirectoryNotFoundException($"The build left no output in {folder}.");
    }

    private static string Tail(string log, string marker)
    {
        var lines = File.ReadLines(log).Where(l => l.Contains(marker, StringComparison.Ordinal)).Distinct().Take(20).ToList();
        return lines.Count > 0 ? string.Join(Environment.NewLine, lines) : string.Join(Environment.NewLine, File.ReadLines(log).TakeLast(20));
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux); "n/a" elsewhere.</summary>
    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>Stops the compiler server this run started (found by its pipe name), and nothing else.</summary>
    public void Dispose()
    {
        if (!Directory.Exists("/proc"))
        {
            return;
        }

        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains("VBCSCompiler", StringComparison.Ordinal) && commandLine.Contains("-pipename:" + _pipeName, StringComparison.Ordinal))
            {
                try
                {
                    using var server = Process.GetProcessById(pid);
                    server.Kill();
                    server.WaitForExit(10_000);
                    Console.WriteLine($"Stopped this run's compiler server (pid {pid}).");
                }
                catch (ArgumentException)
                {
                    // It exited on its own meanwhile.
                }
            }
        }
    }
}
