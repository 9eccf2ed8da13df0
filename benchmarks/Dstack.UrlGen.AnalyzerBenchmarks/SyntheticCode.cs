using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.AnalyzerBenchmarks;

/// <summary>
/// A compilation of many files dense with string concatenations in every join form, most of them building no URL from a
/// base_url; each file also holds a known number of real DSTK mistakes and CA1845 candidates, so a run can be checked.
/// </summary>
internal static class SyntheticCode
{
    /// <summary>Every this-many-th file (0, 10, 20…) also holds the mistakes of <see cref="MistakesTemplate"/>; the rest only correct code.</summary>
    public const int MistakeEvery = 10;

    /// <summary>
    /// Per file with mistakes: DSTK0001 ×3 (one of them a net10.0 params-span string.Concat, one a params-span string.Join),
    /// DSTK0002, DSTK0003, DSTK0004; and as many (six) CA1845 candidates, so both sides report as often.
    /// </summary>
    public static readonly ImmutableDictionary<string, int> ExpectedPerFileWithMistakes = new Dictionary<string, int>
    {
        ["DSTK0001"] = 3,
        ["DSTK0002"] = 1,
        ["DSTK0003"] = 1,
        ["DSTK0004"] = 1,
        ["CA1845"] = 6,
    }.ToImmutableDictionary();

    public static int FilesWithMistakes(int files) => (files + MistakeEvery - 1) / MistakeEvery;

    public static CSharpCompilation Create(int files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>(files);
        for (int i = 0; i < files; i++)
        {
            trees.Add(CSharpSyntaxTree.ParseText(File(i), parse, path: $"/synthetic/File{i}.cs", encoding: Encoding.UTF8));
        }

        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            // CA1845 is a suggestion by default; make sure the driver runs it.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CA1845"] = ReportDiagnostic.Warn });
        return CSharpCompilation.Create("Synthetic", trees, References(), options);
    }

    /// <summary>The running .NET's own assemblies (the benchmark targets net10.0) and the Dstack.UrlGen runtime.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        string trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string
            ?? throw new InvalidOperationException("The runtime did not report TRUSTED_PLATFORM_ASSEMBLIES; run the benchmark on .NET 10 (dotnet run).");
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (string path in trusted.Split(Path.PathSeparator))
        {
            if (string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            {
                yield return MetadataReference.CreateFromFile(path);
            }
        }

        yield return MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location);
    }

    private static string File(int i)
        => string.Format(CultureInfo.InvariantCulture, Template, i)
           + (i % MistakeEvery == 0 ? MistakesTemplate : string.Empty)
           + "}\n";

    // {0} is the file number; braces of the C# code are doubled for string.Format. The class stays open for the mistakes.
    private const string Template = """
        using System;
        using System.IO;
        using System.Text;
        using System.Text.Json.Serialization;
        using Dstack.UrlGen;

        namespace Synthetic.N{0};

        public sealed class Model
        {{
            [JsonPropertyName("name")] public string Name {{ get; set; }} = "";
            [JsonPropertyName("base_url")] public string BaseUrl {{ get; set; }} = "";
            public string Label => Name + " (" + BaseUrl.Length + ")";
        }}

        // dstack's run JSON (service.model.base_url): Model's base_url is a dstack base_url.
        public sealed class Service {{ [JsonPropertyName("model")] public Model? Model {{ get; set; }} }}

        public sealed class Run {{ [JsonPropertyName("service")] public Service? Service {{ get; set; }} }}

        public static class Paths{0}
        {{
            public static string Urls(string server, string project, string run, string name, Model model, DstackModelEndpoint endpoint)
            {{
                var a = server + "/api/" + project;
                var b = $"{{server}}/api/project/{{project}}/runs/{{run}}";
                var c = string.Concat(a, "/", b, "/", name);
                var d = name.Trim() + project.ToUpperInvariant() + run;
                var e = string.Format("{{0}}/{{1}}/{{2}}", a, b, c);
                var f = string.Join("/", a, b, c, d, e);
                var sb = new StringBuilder();
                sb.Append(a);
                sb.Append('/');
                sb.Append(b).Append(c);
                var g = "Model " + name + " is served at " + model.BaseUrl;
                var raw = endpoint.BaseUrl;
                var note = $"Model {{endpoint.ModelName}} at {{raw}} in {{endpoint.Project}}";
                var w = Path.Combine(a, "cache", name + ".json");
                return a + b + c + d + e + f + g + note + w + sb.ToString();
            }}

            public static string Labels(string first, string second, int count, Model model)
            {{
                string text = first;
                text += ", " + second;
                text += $" and {{count}} more";
                var joined = string.Join(", ", first, second, text);
                var lines = new StringBuilder()
                    .Append("first: ").Append(first).AppendLine()
                    .Append("second: ").Append(second).AppendLine()
                    .AppendFormat("{{0}} of {{1}}", count, model.Name);
                var header = string.Concat("[", first, "] [", second, "]");
                var status = model.Name.Length > 0 ? "named " + model.Name : "unnamed";
                var parts = first + "-" + second + "-" + count + "-" + status;
                for (int i = 0; i < count; i++)
                {{
                    parts += "." + i;
                }}

                return joined + lines + header + parts + model.Label;
            }}

        """;

    private const string MistakesTemplate = """
            public static string Mistakes(string server, string project, string run, string name, Model model, DstackModelEndpoint endpoint, Uri serverUri)
            {
                var raw = model.BaseUrl;
                var h = server + raw;
                var k = $"{server}/proxy/models/{project}/";
                var m = string.Concat(server, "/", endpoint.BaseUrl, "/", name);
                var n = string.Join("/", server, project, endpoint.BaseUrl, run);
                var u = new Uri(model.BaseUrl, UriKind.RelativeOrAbsolute);
                var v = new Uri(serverUri, endpoint.BaseUrl);
                var d1 = name.Substring(1) + run;
                var d2 = project.Substring(0, 2) + run;
                var d3 = run + name.Substring(2);
                var d4 = "/" + server.Substring(1);
                var d5 = project + name.Substring(0, 1) + "/";
                var d6 = run.Substring(1) + project.Substring(1);
                return h + k + m + n + u + v + d1 + d2 + d3 + d4 + d5 + d6;
            }

        """;
}
