namespace Dstack.UrlGen.Package.Tests;

/// <summary>The README's first command: the QuickStart runs with nothing set up and shows every model answering.</summary>
public sealed class QuickStartTests
{
    [Fact]
    public async Task The_QuickStart_lists_three_models_and_gets_a_reply_from_each()
    {
        var home = Path.Combine(Path.GetTempPath(), "dstack-urlgen-quickstart-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        try
        {
            // An empty HOME and no DSTACK_* variables: the demo must not pick up a developer's real dstack setup.
            var environment = new Dictionary<string, string> { ["HOME"] = home, ["USERPROFILE"] = home, ["DSTACK_SERVER_URL"] = "", ["DSTACK_TOKEN"] = "", ["DSTACK_PROJECT"] = "" };
            var project = Path.Combine(RepositoryPaths.Root, "samples", "QuickStart", "QuickStart.csproj");
            var run = await DotNet.RunAsync(RepositoryPaths.Root, environment, TimeSpan.FromMinutes(3),
                "run", "--project", project, "-c", RepositoryPaths.Configuration, "--no-build");

            Assert.True(run.ExitCode == 0, run.Output);
            var lines = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            Assert.Contains(lines, l => l.StartsWith("MODEL", StringComparison.Ordinal) && l.Contains("BASE_URL", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Qwen/Qwen3.6-27B ", StringComparison.Ordinal) && l.Contains(" Server ", StringComparison.Ordinal) && l.Contains("/proxy/services/main/qwen36/v1", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("meta-llama/Meta-Llama-3.1-70B-Instruct ", StringComparison.Ordinal) && l.Contains(" Gateway ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("meta-llama/Meta-Llama-3.1-8B-Instruct ", StringComparison.Ordinal) && l.Contains("/proxy/models/main/", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Qwen -> Hello from Qwen/Qwen3.6-27B", StringComparison.Ordinal) && l.EndsWith("/proxy/services/main/qwen36/v1/chat/completions.", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Llama -> Hello from meta-llama/Meta-Llama-3.1-70B-Instruct, reached through the gateway at /v1/chat/completions.", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("DstackServices.Qwen36 -> Hello from Qwen/Qwen3.6-27B", StringComparison.Ordinal) && l.EndsWith("/proxy/services/main/qwen36/v1/chat/completions.", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("LlamaSmall -> Hello from meta-llama/Meta-Llama-3.1-8B-Instruct", StringComparison.Ordinal) && l.EndsWith("/proxy/models/main/chat/completions.", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("Verification of an undeclared, provisioning model: NotRunning", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
