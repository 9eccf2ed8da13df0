using System.Diagnostics;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The scripts of the dstack-server kit at <c>&lt;repo root&gt;/../shared/dstack-server</c> (install, start, stop,
/// mark-running, serve-replica), found at run time. Each runs to completion; a failure throws with its output.
/// </summary>
internal static class DstackKit
{
    public static string Directory { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared", "dstack-server"));

    public static async Task<string> RunAsync(string script, TimeSpan timeout, params string[] args)
    {
        string path = System.IO.Path.Combine(Directory, script);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The dstack-server kit has no {script} at {path}; clone the repository beside the shared directory that holds dstack-server/ (docs/conformance.md).");
        }

        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(path);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {path}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dstack-server {script} {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s.");
        }

        string output = await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dstack-server {script} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output}\n{await stderr}");
        }

        return output.Trim();
    }

    /// <summary>The value of <c>key=value</c> in a line such as <c>url=http://127.0.0.1:PORT token=T state=DIR pid=PID</c>.</summary>
    public static string Field(string line, string key)
    {
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return part.Substring(key.Length + 1);
            }
        }

        throw new InvalidOperationException($"No {key}= in the kit's output: {line}");
    }
}
