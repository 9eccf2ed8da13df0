using System.Diagnostics;
using System.Text;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>Runs the dotnet CLI (the one running these tests) and captures its output.</summary>
internal static class DotNet
{
    public sealed record Result(int ExitCode, string Output)
    {
        public Result EnsureSuccess(string what)
            => ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:{Environment.NewLine}{Output}");
    }

    public static string Executable { get; } = FindDotNet();

    public static async Task<Result> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A nested build must not join the outer build's MSBuild nodes or inherit its test-host settings.
        start.Environment["MSBUILDNOINPROCNODE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish within {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>
    /// Runs a built consumer assembly against a dstack server through the DSTACK_* variables, with an empty home
    /// folder so that no ~/.dstack/config.yml of the machine is read; returns its exit code and output lines.
    /// </summary>
    public static async Task<(int ExitCode, string Output, List<string> Lines)> RunConsumerAsync(
        string directory, string assemblyPath, Uri serverUrl, string token, string home)
    {
        Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string>
        {
            ["DSTACK_SERVER_URL"] = serverUrl.AbsoluteUri,
            ["DSTACK_TOKEN"] = token,
            ["DSTACK_PROJECT"] = "main",
            ["HOME"] = home,
            ["USERPROFILE"] = home,
        };
        var run = await RunAsync(directory, environment, TimeSpan.FromMinutes(2), assemblyPath);
        return (run.ExitCode, run.Output, run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList());
    }

    private static string FindDotNet()
    {
        // The test host runs on the SDK's runtime: <dotnet root>/shared/Microsoft.NETCore.App/<version>/.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var exe = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return File.Exists(exe) ? exe : "dotnet";
    }
}
