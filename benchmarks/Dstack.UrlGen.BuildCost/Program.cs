using System.Globalization;
using Dstack.UrlGen.BuildCost;

const string Usage = """
    Dstack.UrlGen.BuildCost: what Dstack.UrlGen's generator and analyzers cost in a real `dotnet build`
    (ReportAnalyzer, warm compiler server), beside the SDK's NetAnalyzers, CA1845 and the SDK's generators.

    dotnet run -c Release --project benchmarks/Dstack.UrlGen.BuildCost -- [options]
        generates an HTTP-SDK-shaped project with no [DstackModel] in a temp folder and measures its build
    dotnet run -c Release --project benchmarks/Dstack.UrlGen.BuildCost -- --project <path to .csproj or .sln> [options]
        measures an existing project or solution; nothing in it is edited (the analyzers come in through
        -p:CustomAfterMicrosoftCommonTargets) and every DSTK diagnostic is listed with file:line

    options:
      --files N            files of the generated project (default 2000)
      --runs N             measured builds (default 5)
      --warmups N          discarded builds before them (default 5: the compiler server's JIT keeps getting faster
                           over the first few builds)
      --repo PATH          Dstack.UrlGen repository whose src/ is built (Release) and measured (default: this one)
      --analyzers DIR      measure already built analyzer dlls instead (Dstack.UrlGen.Generator.dll, Dstack.UrlGen.CodeFixes.dll,
                           their dependencies; Dstack.UrlGen.dll, if there, is referenced as the runtime)
      --analyzer-config L  a line for the global analyzer config, e.g. "dstack_urlgen.match_base_url_names = true" (repeatable)
      --msbuild-arg ARG    passed to every `dotnet build` (repeatable), e.g. -p:AnalysisMode=All
      --work DIR           where the generated project, the built analyzers and the build logs go (default: a new temp folder)
      --keep               keep the work folder (default: deleted at the end unless a build failed)
      --list               list every DSTK diagnostic (always on with --project)
    """;

int files = 2000;
int runs = 5;
int warmups = 5;
string? project = null;
string? repo = null;
string? analyzerFolder = null;
string? work = null;
bool keep = false;
bool list = false;
var analyzerConfig = new List<string>();
var msbuildArgs = new List<string>();

for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"Option {args[i]} needs a value.{Environment.NewLine}{Usage}");
    switch (args[i])
    {
        case "--files": files = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--warmups": warmups = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--project": project = Path.GetFullPath(Value()); break;
        case "--repo": repo = Path.GetFullPath(Value()); break;
        case "--analyzers": analyzerFolder = Path.GetFullPath(Value()); break;
        case "--analyzer-config": analyzerConfig.Add(Value()); break;
        case "--msbuild-arg": msbuildArgs.Add(Value()); break;
        case "--work": work = Path.GetFullPath(Value()); break;
        case "--keep": keep = true; break;
        case "--list": list = true; break;
        case "-h" or "--help": Console.WriteLine(Usage); return 0;
        default: Console.Error.WriteLine($"Unknown option '{args[i]}'.{Environment.NewLine}{Usage}"); return 2;
    }
}

if (runs < 1 || warmups < 1)
{
    Console.Error.WriteLine("--runs and --warmups must be at least 1.");
    return 2;
}

if (project != null && !File.Exists(project))
{
    Console.Error.WriteLine($"--project '{project}' does not exist; pass a .csproj or .sln file.");
    return 2;
}

repo ??= analyzerFolder == null ? FindRepository() : null;
work ??= Path.Combine(Path.GetTempPath(), "dstack-buildcost-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
if (repo != null && Path.GetFullPath(work).StartsWith(repo + Path.DirectorySeparatorChar, StringComparison.Ordinal))
{
    Console.Error.WriteLine($"--work '{work}' is inside the repository; pass a folder outside it.");
    return 2;
}

Directory.CreateDirectory(work);
bool failed = true;
using (var runner = new BuildRunner(work))
{
    // Ctrl+C ends the process without unwinding; the compiler server it started must not outlive it.
    Console.CancelKeyPress += (_, _) => runner.Dispose();
    try
    {
        var analyzers = analyzerFolder != null ? BuildRunner.FromFolder(analyzerFolder) : runner.BuildRepository(repo!);
        Console.WriteLine($"Analyzers: {string.Join(", ", analyzers.Analyzers.Select(Path.GetFileName))} from {analyzers.Folder}");
        Console.WriteLine($"Runtime reference: {analyzers.RuntimeNet8 ?? "(none)"}");
        string targets = runner.WriteInjection(analyzers, analyzerConfig);

        string target = project ?? ProjectWriter.Write(Path.Combine(work, "sdk"), files);
        if (project == null)
        {
            Console.WriteLine($"Generated {Directory.GetFiles(Path.GetDirectoryName(target)!, "*.cs", SearchOption.AllDirectories).Length} C# files in {Path.GetDirectoryName(target)}");
        }

        for (int warmup = 1; warmup <= warmups; warmup++)
        {
            runner.WarmUp(warmup, target, targets, msbuildArgs);
        }

        var measured = new List<BuildRun>();
        for (int run = 1; run <= runs; run++)
        {
            measured.Add(runner.Measure(run, target, targets, msbuildArgs));
        }

        Console.WriteLine();
        Console.WriteLine($"Analyzers measured: {(analyzerFolder ?? repo)}{(repo != null ? $" (commit {GitCommit(repo)})" : "")}");
        Console.Write(Figures.Report(target, warmups, measured, list || project != null, Path.GetDirectoryName(target)));
        failed = false;
    }
    catch (Exception e) when (e is InvalidOperationException or InvalidDataException or FileNotFoundException or DirectoryNotFoundException or FormatException or ArgumentException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
    }
}

if (failed || keep)
{
    Console.WriteLine($"Work folder kept: {work}");
}
else
{
    Directory.Delete(work, recursive: true);
}

return failed ? 1 : 0;

// The repository this tool is part of: the first folder up from here with Dstack.UrlGen.sln and src/Runtime.
static string FindRepository()
{
    foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dstack.UrlGen.sln")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Runtime")))
            {
                return dir.FullName;
            }
        }
    }

    throw new DirectoryNotFoundException("Could not find the Dstack.UrlGen repository above the current folder; pass --repo <path> or --analyzers <folder>.");
}

static string GitCommit(string repo)
{
    try
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string arg in new[] { "-C", repo, "rev-parse", "--short", "HEAD" })
        {
            start.ArgumentList.Add(arg);
        }

        using var git = System.Diagnostics.Process.Start(start)!;
        string commit = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        return git.ExitCode == 0 ? commit : "unknown";
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return "unknown (no git)";
    }
}
