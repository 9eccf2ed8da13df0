using System.Globalization;
using System.Text.RegularExpressions;

namespace Dstack.UrlGen.BuildCost;

/// <summary>
/// A time the compiler reported, in milliseconds. The compiler prints seconds with three decimals and
/// <c>&lt;0.001</c> below that; such a value is kept as an upper bound (1 ms, <see cref="AtMost"/>), never as a zero.
/// </summary>
internal readonly record struct Time(double Ms, bool AtMost)
{
    public static Time operator +(Time a, Time b) => new(a.Ms + b.Ms, a.AtMost || b.AtMost);

    public override string ToString()
        => AtMost ? (Ms <= 1 ? "<1" : "≤" + Ms.ToString("0", CultureInfo.InvariantCulture)) : Ms.ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>One row of a ReportAnalyzer table: an assembly and the analyzers or generators in it.</summary>
internal sealed record AssemblyTime(string Assembly, Time Time, IReadOnlyList<(string Name, Time Time)> Items);

/// <summary>What the compiler reported for one Csc invocation (one project, one target framework).</summary>
internal sealed class CompilationReport
{
    public required string Name { get; init; }

    /// <summary>True when the compiler server compiled it, false when the command-line compiler did (a cold compiler).</summary>
    public bool? ByServer { get; set; }

    public Time? AnalyzerTotal { get; set; }

    public Time? GeneratorTotal { get; set; }

    public List<AssemblyTime> Analyzers { get; } = [];

    public List<AssemblyTime> Generators { get; } = [];
}

/// <summary>A diagnostic line of the build output (<c>file(line,col): warning ID: message [project]</c>).</summary>
internal sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message);

internal sealed record BuildReport(IReadOnlyList<CompilationReport> Compilations, IReadOnlyList<BuildDiagnostic> Diagnostics);

/// <summary>
/// Reads the tables that <c>csc /reportanalyzer</c> prints (MSBuild shows them at detailed verbosity) from a build log:
/// <code>
/// Total analyzer execution time: 0.319 seconds.
/// Time (s)    %   Analyzer
///    0.169   53   Microsoft.CodeAnalysis.CSharp.NetAnalyzers, Version=…
///    0.029    9      Microsoft.NetCore.CSharp.Analyzers.Runtime.CSharpUseSpanBasedStringConcat (CA1845)
/// Total generator execution time: 0.682 seconds.
/// </code>
/// An assembly row and its analyzer rows differ only by the indentation after the percent column.
/// </summary>
internal static partial class ReportParser
{
    [GeneratedRegex(@"^\s*(?:\d+(?::\d+)?>)?(?<rest>.*)$")]
    private static partial Regex NodePrefix();

    [GeneratedRegex(@"^Compilation request (?<name>.+?), PathToTool=")]
    private static partial Regex CompilationRequest();

    [GeneratedRegex(@"^Total (?<kind>analyzer|generator) execution time: (?<time><?[0-9]+[.,][0-9]+) seconds\.")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"^(?<time><?[0-9]+[.,][0-9]+)\s+<?[0-9]+(?<gap>\s+)(?<name>\S.*)$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^CompilerServer: (?<mode>server|tool) ")]
    private static partial Regex CompilerServer();

    [GeneratedRegex(@"^(?<file>.+?)\((?<line>[0-9]+),(?<col>[0-9]+)(?:,[0-9]+,[0-9]+)?\): (?<severity>warning|error|info) (?<id>[A-Za-z]+[0-9]+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();

    public static BuildReport Parse(IEnumerable<string> lines)
    {
        var compilations = new List<CompilationReport>();
        var diagnostics = new HashSet<BuildDiagnostic>();
        var ordered = new List<BuildDiagnostic>();
        string? pendingName = null;
        CompilationReport? current = null;
        List<AssemblyTime>? table = null;
        string? assembly = null;
        Time assemblyTime = default;
        var items = new List<(string, Time)>();

        void CloseAssembly()
        {
            if (assembly != null)
            {
                table!.Add(new AssemblyTime(assembly, assemblyTime, items.ToList()));
                assembly = null;
                items.Clear();
            }
        }

        foreach (string raw in lines)
        {
            string line = NodePrefix().Match(raw).Groups["rest"].Value.TrimEnd();
            string trimmed = line.Trim();

            if (table != null)
            {
                if (trimmed.Length == 0 || trimmed.StartsWith("Time (s)", StringComparison.Ordinal))
                {
                    continue;
                }

                var row = TableRow().Match(trimmed);
                if (row.Success)
                {
                    Time time = ParseSeconds(row.Groups["time"].Value);
                    string name = row.Groups["name"].Value;
                    // Assembly rows are indented 3 spaces after the percent column, their analyzers 6.
                    if (row.Groups["gap"].Value.Length <= 4)
                    {
                        CloseAssembly();
                        assembly = name.Split(',')[0].Trim();
                        assemblyTime = time;
                    }
                    else if (assembly != null)
                    {
                        items.Add((name, time));
                    }
                    else
                    {
                        throw new FormatException($"An analyzer row comes before any assembly row in a ReportAnalyzer table: '{trimmed}'.");
                    }

                    continue;
                }

                CloseAssembly();
                table = null;
            }

            var request = CompilationRequest().Match(trimmed);
            if (request.Success)
            {
                pendingName = request.Groups["name"].Value;
                current = null;
                continue;
            }

            var total = TotalLine().Match(trimmed);
            if (total.Success)
            {
                bool analyzers = total.Groups["kind"].Value == "analyzer";
                if (current == null || (analyzers ? current.AnalyzerTotal != null : current.GeneratorTotal != null))
                {
                    current = new CompilationReport { Name = pendingName ?? $"compilation {compilations.Count + 1}" };
                    compilations.Add(current);
                    pendingName = null;
                }

                Time time = ParseSeconds(total.Groups["time"].Value);
                if (analyzers)
                {
                    current.AnalyzerTotal = time;
                    table = current.Analyzers;
                }
                else
                {
                    current.GeneratorTotal = time;
                    table = current.Generators;
                }

                continue;
            }

            var server = CompilerServer().Match(trimmed);
            if (server.Success && current != null)
            {
                current.ByServer = server.Groups["mode"].Value == "server";
                continue;
            }

            var diagnostic = DiagnosticLine().Match(trimmed);
            if (diagnostic.Success)
            {
                var found = new BuildDiagnostic(
                    diagnostic.Groups["file"].Value,
                    int.Parse(diagnostic.Groups["line"].Value, CultureInfo.InvariantCulture),
                    int.Parse(diagnostic.Groups["col"].Value, CultureInfo.InvariantCulture),
                    diagnostic.Groups["severity"].Value,
                    diagnostic.Groups["id"].Value,
                    diagnostic.Groups["message"].Value);
                // MSBuild repeats every warning in its summary, and a multi-targeted project reports it once per target.
                if (diagnostics.Add(found))
                {
                    ordered.Add(found);
                }
            }
        }

        if (table != null)
        {
            CloseAssembly();
        }

        return new BuildReport(compilations, ordered);
    }

    private static Time ParseSeconds(string text)
    {
        bool atMost = text.StartsWith('<');
        double seconds = double.Parse(text.TrimStart('<').Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture);
        return new Time(seconds * 1000, atMost);
    }
}
