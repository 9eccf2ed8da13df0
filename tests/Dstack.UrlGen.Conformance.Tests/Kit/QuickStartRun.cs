using System.Diagnostics;
using System.Reflection;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>Runs the built QuickStart (samples/QuickStart, built before this project) as a user would, with stdout and stderr apart.</summary>
internal static class QuickStartRun
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    internal static readonly string Configuration =
        typeof(QuickStartRun).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";

    public static async Task<Result> RunAsync(params string[] args)
    {
        string dll = Path.Combine(RepositoryRoot.Path, "samples", "QuickStart", "bin", Configuration, "net10.0", "QuickStart.dll");
        Assert.True(File.Exists(dll), $"The QuickStart is not built at {dll}.");
        var start = new ProcessStartInfo(DotNetExecutable()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // No DSTACK_* and an empty home: only the command line configures it.
        string home = Path.Combine(Path.GetTempPath(), "dstack-conformance-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["USERPROFILE"] = home;
        foreach (var name in new[] { "DSTACK_SERVER_URL", "DSTACK_TOKEN", "DSTACK_PROJECT" })
        {
            start.Environment.Remove(name);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("The QuickStart did not finish within 2 minutes.");
            }

            return new Result(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    /// <summary>The dotnet host of the runtime running the tests: &lt;dotnet root&gt;/shared/Microsoft.NETCore.App/&lt;version&gt;/ is three levels down.</summary>
    internal static string DotNetExecutable()
    {
        string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string exe = Path.Combine(Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..")), OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(exe) ? exe : "dotnet";
    }
}
