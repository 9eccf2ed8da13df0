using System.Diagnostics;
using System.Text;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a user would, in a given folder, with a time limit.</summary>
internal static class DotnetCli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // `dotnet test` hands its own MSBuild location to the test host; a nested dotnet must find its own.
        foreach (string name in start.Environment.Keys.Where(IsInheritedBuildVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{start.FileName}'.");
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'dotnet {string.Join(' ', arguments)}' did not finish within {timeout}.");
        }

        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }

    private static bool IsInheritedBuildVariable(string name)
        => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
            || name.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet host that runs these tests when known, else the one on PATH.</summary>
    private static string DotnetPath()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }
}
