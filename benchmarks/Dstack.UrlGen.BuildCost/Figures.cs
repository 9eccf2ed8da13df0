using System.Globalization;
using System.Text;

namespace Dstack.UrlGen.BuildCost;

/// <summary>Turns the parsed builds into the figures the issue asks for, medians over the measured runs, as Markdown.</summary>
internal static class Figures
{
    private const string Ours = "Dstack.UrlGen";
    private const string OurGenerator = "generator: Dstack.UrlGen (ours)";
    private const string JsonGenerator = "generator: System.Text.Json.SourceGeneration";
    private const string GeneratorsTotal = "generators, all (compiler's total)";
    private const string Dstk = "analyzers: DSTK, all 5";
    private const string NetAnalyzers = "analyzers: NetAnalyzers (CA*, both assemblies)";
    private const string Ca1845 = "analyzers: CA1845 UseSpanBasedStringConcat";
    private const string AnalyzersTotal = "analyzers, all (compiler's total)";

    public static bool IsOurs(string assembly) => assembly.StartsWith(Ours, StringComparison.Ordinal);

    private static bool IsNetAnalyzers(string assembly)
        => assembly is "Microsoft.CodeAnalysis.NetAnalyzers" or "Microsoft.CodeAnalysis.CSharp.NetAnalyzers";

    /// <summary>Every figure of one compilation in one run, in the order they are printed.</summary>
    public static List<(string Name, Time Time)> Of(CompilationReport compilation)
    {
        var figures = new List<(string, Time)>
        {
            (OurGenerator, Sum(compilation.Generators.Where(g => IsOurs(g.Assembly)).Select(g => g.Time))),
        };
        foreach (var generator in compilation.Generators.Where(g => !IsOurs(g.Assembly)).OrderBy(g => g.Assembly != "System.Text.Json.SourceGeneration").ThenBy(g => g.Assembly, StringComparer.Ordinal))
        {
            figures.Add(("generator: " + generator.Assembly, generator.Time));
        }

        figures.Add((GeneratorsTotal, compilation.GeneratorTotal!.Value));
        figures.Add((Dstk, Sum(compilation.Analyzers.Where(a => IsOurs(a.Assembly)).Select(a => a.Time))));
        foreach (var analyzer in compilation.Analyzers.Where(a => IsOurs(a.Assembly)).SelectMany(a => a.Items).OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            figures.Add(("  … " + ShortName(analyzer.Name), analyzer.Time));
        }

        figures.Add((NetAnalyzers, Sum(compilation.Analyzers.Where(a => IsNetAnalyzers(a.Assembly)).Select(a => a.Time))));
        var ca1845 = compilation.Analyzers.SelectMany(a => a.Items).Where(i => i.Name.EndsWith("(CA1845)", StringComparison.Ordinal)).ToList();
        if (ca1845.Count > 0)
        {
            figures.Add((Ca1845, Sum(ca1845.Select(i => i.Time))));
        }

        figures.Add((AnalyzersTotal, compilation.AnalyzerTotal!.Value));
        return figures;
    }

    /// <summary>Writes the report of all measured runs.</summary>
    public static string Report(string target, int warmups, IReadOnlyList<BuildRun> runs, bool listDiagnostics, string? relativeTo)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Target: {target}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured builds: {runs.Count} (after {warmups} discarded warm-up build(s)), each `--no-incremental`, compiler server warm.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Build wall time: median {Median(runs.Select(r => new Time(r.WallTime.TotalMilliseconds, false)).ToList())} ms.");
        text.AppendLine("Load average (1/5/15 min, 2-core machine) before -> after each measured build:");
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  run {run.Index}: {run.LoadBefore} -> {run.LoadAfter}");
        }

        var cold = runs.SelectMany(r => r.Report.Compilations).Count(c => c.ByServer == false);
        if (cold > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"WARNING: {cold} compilation(s) ran in the command-line compiler, not the warm server: their times include loading the compiler and the analyzers.");
        }

        // Each run's figures, per compilation (a project and target framework), in build order.
        var perRun = runs.Select(r => Keyed(r.Report.Compilations)).ToList();
        var names = perRun[0].Keys.ToList();
        if (perRun.Any(r => !r.Keys.SequenceEqual(names)))
        {
            text.AppendLine("WARNING: the measured builds did not compile the same compilations; figures are per compilation name.");
        }

        text.AppendLine();
        if (names.Count > 1)
        {
            text.AppendLine("Per compilation (medians, ms):");
            text.AppendLine();
            text.AppendLine("| compilation | ours (generator) | System.Text.Json (generator) | DSTK (5 analyzers) | NetAnalyzers | DSTK ÷ NetAnalyzers | CA1845 |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (string name in names)
            {
                var series = perRun.Where(r => r.ContainsKey(name)).Select(r => r[name]).ToList();
                text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {MedianOf(series, OurGenerator)} | {MedianOf(series, JsonGenerator)} | {MedianOf(series, Dstk)} | {MedianOf(series, NetAnalyzers)} | {Ratio(series, Dstk, NetAnalyzers, percent: true)} | {MedianOf(series, Ca1845)} |");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"All {names.Count} compilations together (each run's sum, then the median over runs):");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Compilation {names[0]}:");
        }

        text.AppendLine();
        var totals = perRun.Select(r => SumFigures(r.Values)).ToList();
        text.AppendLine("| figure | median ms | min ms | max ms |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (string figure in totals.SelectMany(t => t.Keys).Distinct().OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal))
        {
            var values = totals.Where(t => t.ContainsKey(figure)).Select(t => t[figure]).OrderBy(t => t.Ms).ThenBy(t => !t.AtMost).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {Median(values)} | {values[0]} | {values[^1]} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"| DSTK ÷ NetAnalyzers | {Ratio(totals, Dstk, NetAnalyzers, percent: true)} | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| DSTK ÷ CA1845 | {Ratio(totals, Dstk, Ca1845, percent: false)} | | |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| generator (ours) per compilation | {Median(totals.Select(t => new Time(t[OurGenerator].Ms / names.Count, t[OurGenerator].AtMost)).ToList())} | | |");
        text.AppendLine();
        text.AppendLine("(A time the compiler printed as <0.001 s counts as at most 1 ms: '<1', or '≤' on a sum. Ratios are medians of each run's ratio.)");

        var diagnostics = runs[^1].Report.Diagnostics;
        var dstk = diagnostics.Where(d => d.Id.StartsWith("DSTK", StringComparison.Ordinal)).ToList();
        text.AppendLine();
        string byId = string.Join(", ", dstk.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Count()}"));
        text.AppendLine(CultureInfo.InvariantCulture, $"DSTK diagnostics (last run, distinct locations): {dstk.Count}{(dstk.Count == 0 ? "" : " — " + byId)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"CA1845 diagnostics (last run, distinct locations): {diagnostics.Count(d => d.Id == "CA1845")}");
        if (listDiagnostics)
        {
            // One message, then every place it was reported (real code repeats the same join many times).
            foreach (var group in dstk.GroupBy(d => (d.Id, d.Severity, d.Message)).OrderBy(g => g.Key.Id, StringComparer.Ordinal).ThenByDescending(g => g.Count()))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {group.Key.Severity} {group.Key.Id} ({group.Count()}x): {group.Key.Message}");
                foreach (var d in group.OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line))
                {
                    string file = relativeTo != null ? Path.GetRelativePath(relativeTo, d.File) : d.File;
                    text.AppendLine(CultureInfo.InvariantCulture, $"    {file}:{d.Line}:{d.Column}");
                }
            }
        }

        return text.ToString();
    }

    // Generators first (ours, System.Text.Json, the others), then the analyzers (DSTK, NetAnalyzers, CA1845).
    private static int Rank(string figure) => figure switch
    {
        OurGenerator => 0,
        JsonGenerator => 1,
        GeneratorsTotal => 3,
        Dstk => 4,
        NetAnalyzers => 6,
        Ca1845 => 7,
        AnalyzersTotal => 8,
        _ when figure.StartsWith("generator: ", StringComparison.Ordinal) => 2,
        _ => 5,
    };

    private static Dictionary<string, Dictionary<string, Time>> Keyed(IReadOnlyList<CompilationReport> compilations)
    {
        var keyed = new Dictionary<string, Dictionary<string, Time>>();
        foreach (var compilation in compilations)
        {
            string name = compilation.Name;
            for (int n = 2; keyed.ContainsKey(name); n++)
            {
                name = $"{compilation.Name} #{n}";
            }

            keyed[name] = Of(compilation).ToDictionary(f => f.Name, f => f.Time);
        }

        return keyed;
    }

    private static Dictionary<string, Time> SumFigures(IEnumerable<Dictionary<string, Time>> compilations)
    {
        var sum = new Dictionary<string, Time>();
        foreach (var figures in compilations)
        {
            foreach (var (name, time) in figures)
            {
                sum[name] = sum.TryGetValue(name, out var before) ? before + time : time;
            }
        }

        return sum;
    }

    private static string MedianOf(List<Dictionary<string, Time>> series, string figure)
    {
        var values = series.Where(s => s.ContainsKey(figure)).Select(s => s[figure]).ToList();
        return values.Count == 0 ? "–" : Median(values).ToString();
    }

    private static string Ratio(List<Dictionary<string, Time>> series, string numerator, string denominator, bool percent)
    {
        var ratios = series.Where(s => s.ContainsKey(numerator) && s.ContainsKey(denominator) && s[denominator].Ms > 0)
            .Select(s => (Value: s[numerator].Ms / s[denominator].Ms, Approximate: s[numerator].AtMost || s[denominator].AtMost))
            .OrderBy(r => r.Value)
            .ToList();
        if (ratios.Count == 0)
        {
            return "–";
        }

        // A denominator made of entries under the compiler's 1 ms resolution makes a ratio meaningless.
        if (series.Any(s => s.TryGetValue(denominator, out var d) && d.AtMost && d.Ms <= 10))
        {
            return $"n/a ({denominator.Replace("analyzers: ", "", StringComparison.Ordinal)} is below the compiler's 1 ms resolution)";
        }

        var middle = ratios[ratios.Count / 2];
        double value = ratios.Count % 2 == 1 ? middle.Value : (ratios[(ratios.Count / 2) - 1].Value + middle.Value) / 2;
        string prefix = ratios.Any(r => r.Approximate) ? "~" : "";
        string Format(double ratio) => percent
            ? (ratio * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %"
            : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";
        return ratios.Count == 1
            ? prefix + Format(value)
            : $"{prefix}{Format(value)} (runs: {Format(ratios[0].Value)} to {Format(ratios[^1].Value)})";
    }

    private static Time Sum(IEnumerable<Time> times) => times.Aggregate(new Time(0, false), (a, b) => a + b);

    private static Time Median(List<Time> values)
    {
        var sorted = values.OrderBy(v => v.Ms).ToList();
        var middle = sorted[sorted.Count / 2];
        if (sorted.Count % 2 == 1)
        {
            return middle;
        }

        var lower = sorted[(sorted.Count / 2) - 1];
        return new Time((lower.Ms + middle.Ms) / 2, lower.AtMost || middle.AtMost);
    }

    private static string ShortName(string analyzer)
    {
        int paren = analyzer.IndexOf(" (", StringComparison.Ordinal);
        string type = paren < 0 ? analyzer : analyzer[..paren];
        string ids = paren < 0 ? "" : analyzer[paren..];
        return type[(type.LastIndexOf('.') + 1)..] + ids;
    }
}
