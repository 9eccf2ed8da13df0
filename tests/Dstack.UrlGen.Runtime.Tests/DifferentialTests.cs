using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Xunit.Abstractions;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// Every accepted result, in each of its string forms (<see cref="Uri.AbsoluteUri"/>, <see cref="Uri.OriginalString"/>,
/// <see cref="Uri.ToString"/>), is read again by .NET and by WHATWG's <c>new URL()</c> (node) and must name the same
/// scheme, ASCII host and port as the resolver reports: a URL string that leaves the resolver (logged, handed to another
/// process, checked by one parser and sent by another) means one host.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    /// <summary>Set to 1 to run the suite on a machine without node; the node test then checks only that node is absent.</summary>
    private const string WithoutNode = "DSTACK_URLGEN_WITHOUT_NODE";

    [Fact]
    public void Every_string_form_of_every_result_has_the_ascii_authority_the_resolver_reports_to_dotnet()
    {
        var results = AcceptedResults.Get();
        var violations = new List<string>();
        foreach (var r in results)
        {
            var expected = Expected(r);
            foreach (var (name, form) in Forms(r.Url))
            {
                string? problem = !IsAscii(Authority(form)) ? $"non-ASCII authority \"{Authority(form)}\""
                    : !Uri.TryCreate(form, UriKind.Absolute, out var again) ? "not an absolute URI"
                    : again.Host != again.IdnHost && again.HostNameType != UriHostNameType.IPv6 ? $"Host {again.Host} is not IdnHost {again.IdnHost}"
                    : Origin(again) != expected ? $"{Origin(again)} instead of {expected}"
                    : null;
                if (problem is not null)
                {
                    violations.Add($"{r} {name}: {problem}");
                }
            }
        }

        output.WriteLine($"{results.Count} accepted results ({results.Count(r => r.Kind == DstackUrlKind.Gateway)} gateway URLs), three forms each.");
        Assert.True(results.Count >= 5_000, $"only {results.Count} accepted results");
        Assert.True(results.Count(r => r.Kind == DstackUrlKind.Gateway) >= 500, "too few gateway results");
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(50)));
    }

    [Fact]
    public void Every_string_form_of_every_result_has_the_authority_the_resolver_reports_to_whatwg_in_node()
    {
        string? node = FindOnPath("node");
        if (node is null)
        {
            Assert.True(
                Environment.GetEnvironmentVariable(WithoutNode) == "1",
                $"node is not on PATH: this test reads every result with WHATWG's new URL() in node (18 or later). Install node, or set {WithoutNode}=1 to run the suite without this reader.");
            output.WriteLine($"{WithoutNode}=1 and node is absent: the WHATWG reader did not run.");
            return;
        }

        var results = AcceptedResults.Get();
        var inputs = results.SelectMany(r => Forms(r.Url).Select(f => (Result: r, Form: f.Name, Text: f.Text))).ToList();
        var answers = ReadWithNode(node, inputs.Select(i => i.Text).ToList());
        var violations = new List<string>();
        for (int i = 0; i < inputs.Count; i++)
        {
            var expected = Expected(inputs[i].Result);
            var answer = answers[i];
            string? problem = answer.ValueKind != JsonValueKind.Object ? "WHATWG fails to parse it"
                : WhatwgOrigin(answer) != expected ? $"{WhatwgOrigin(answer)} instead of {expected}"
                : null;
            if (problem is not null)
            {
                violations.Add($"{inputs[i].Result} {inputs[i].Form}: {problem}");
            }
        }

        output.WriteLine($"{inputs.Count} strings read by {node}.");
        Assert.True(inputs.Count >= 15_000, $"only {inputs.Count} strings");
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(50)));
    }

    private static IEnumerable<(string Name, string Text)> Forms(Uri url)
        => [("AbsoluteUri", url.AbsoluteUri), ("OriginalString", url.OriginalString), ("ToString()", url.ToString())];

    /// <summary>The origin the resolver reports: the server's for a path, the URL's own for a gateway URL; IPv6 as an address.</summary>
    private static string Expected(AcceptedResults.Result r)
    {
        var origin = Origin(r.Url);
        Assert.True(r.Kind == DstackUrlKind.Gateway || origin == Origin(r.Server), $"{r}: a path left the server");
        return origin;
    }

    private static string Origin(Uri url) => $"{url.Scheme}://{Host(url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost)}:{url.Port}";

    private static string WhatwgOrigin(JsonElement answer)
    {
        string scheme = answer.GetProperty("protocol").GetString()!.TrimEnd(':');
        string port = answer.GetProperty("port").GetString()!;
        return $"{scheme}://{Host(answer.GetProperty("hostname").GetString()!)}:{(port.Length > 0 ? port : scheme == "https" ? "443" : "80")}";
    }

    /// <summary>IPv6 hosts compared as addresses (WHATWG and .NET write embedded IPv4 differently); others as lower-case text.</summary>
    private static string Host(string host)
        => host.StartsWith('[') ? "[" + IPAddress.Parse(host.Trim('[', ']')) + "]" : host.ToLowerInvariant();

    private static string Authority(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int end = url.IndexOfAny(['/', '?', '#'], start);
        return url[start..(end < 0 ? url.Length : end)];
    }

    private static bool IsAscii(string s) => s.All(c => c > ' ' && c < '\u007F');

    /// <summary>One node process parses every string; its answer is one JSON value per input, null where WHATWG fails.</summary>
    private static List<JsonElement> ReadWithNode(string node, List<string> inputs)
    {
        const string Script = """
            let s = ''; process.stdin.on('data', d => s += d); process.stdin.on('end', () => {
              const out = JSON.parse(s).map(x => { try { const u = new URL(x); return { protocol: u.protocol, hostname: u.hostname, port: u.port }; } catch { return null; } });
              process.stdout.write(JSON.stringify(out)); });
            """;
        var start = new ProcessStartInfo(node) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(Script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(JsonSerializer.Serialize(inputs));
        process.StandardInput.Close();
        Assert.True(process.WaitForExit(120_000), "node did not finish in two minutes");
        Assert.True(process.ExitCode == 0, $"node failed: {stderr.Result}");
        var answers = JsonDocument.Parse(stdout.Result).RootElement.EnumerateArray().ToList();
        Assert.Equal(inputs.Count, answers.Count);
        return answers;
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, name), Path.Combine(dir, name + ".exe") })
            .FirstOrDefault(File.Exists);
}
