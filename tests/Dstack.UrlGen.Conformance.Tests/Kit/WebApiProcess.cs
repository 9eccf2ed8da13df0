using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>
/// The built WebApi sample (samples/WebApi, built before this project) running as its own process, as a user starts
/// it: <c>--urls http://127.0.0.1:0</c> (Kestrel picks a free port, read back from its "Now listening on" line) and
/// the settings on the command line, with no <c>DSTACK_*</c> variables and an empty home. Disposing it kills the
/// process tree; so does the test process's exit, should a test never get that far.
/// </summary>
internal sealed partial class WebApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _home;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly EventHandler _onProcessExit;
    private int _disposed;

    private WebApiProcess(Process process, string home)
    {
        _process = process;
        _home = home;
        _onProcessExit = (_, _) => Kill();
    }

    /// <summary>The sample's address, such as <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client of <see cref="BaseAddress"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>What the sample wrote so far (its console log), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<WebApiProcess> StartAsync(params string[] settings)
    {
        string dir = Path.Combine(RepositoryRoot.Path, "samples", "WebApi", "bin", QuickStartRun.Configuration, "net10.0");
        string dll = Path.Combine(dir, "WebApi.dll");
        Assert.True(File.Exists(dll), $"The WebApi sample is not built at {dll}.");
        var start = new ProcessStartInfo(QuickStartRun.DotNetExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dir,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var setting in settings)
        {
            start.ArgumentList.Add(setting);
        }

        // Only the command line configures it: no dstack CLI settings, no Dstack__* or Models__* variables, no config.yml.
        string home = Path.Combine(Path.GetTempPath(), "dstack-conformance-webapi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        start.Environment["HOME"] = home;
        start.Environment["USERPROFILE"] = home;
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DSTACK_", StringComparison.Ordinal)
                     || k.StartsWith("Dstack__", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Models__", StringComparison.OrdinalIgnoreCase)
                     || k is "ASPNETCORE_URLS" or "DOTNET_URLS" or "URLS").ToList())
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var sample = new WebApiProcess(process, home);
        process.OutputDataReceived += (_, e) => sample.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => sample.OnLine(e.Data);
        process.Exited += (_, _) => sample._listening.TrySetException(new InvalidOperationException($"The WebApi sample exited with code {SafeExitCode(process)} before it listened."));
        AppDomain.CurrentDomain.ProcessExit += sample._onProcessExit;
        try
        {
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            sample.BaseAddress = await sample._listening.Task.WaitAsync(StartTimeout);
            sample.Http = new HttpClient { BaseAddress = sample.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            return sample;
        }
        catch (Exception ex)
        {
            await sample.DisposeAsync();
            throw new InvalidOperationException($"The WebApi sample did not start: {ex.Message}\n--- its output:\n{sample.Output}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        Http?.Dispose();
        Kill();
        try
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            // Not started, or still dying after the kill: nothing more to do than what Kill did.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (Listening().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value + "/"));
        }
    }

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "(unknown)";
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex Listening();
}
