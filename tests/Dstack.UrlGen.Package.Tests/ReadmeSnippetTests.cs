using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as pasted into an app's Program.cs: top-level statements, the
/// SDK's implicit usings, root namespace <c>MyApp</c>, the package's generator run. A console app references the
/// runtime, the OpenAI SDK and Microsoft.Extensions.AI.OpenAI (what the Install section adds); a block that builds a
/// <c>WebApplication</c> or uses <c>Dstack.UrlGen.Hosting</c> is an ASP.NET Core app (Microsoft.NET.Sdk.Web's implicit
/// usings, the Microsoft.AspNetCore.App framework) that references Dstack.UrlGen.Hosting. A dstack configuration the
/// README shows in a <c>```yaml</c> block whose first line is <c># NAME.dstack.yml</c> is one of the project's files
/// for the next csharp block, as the package passes <c>*.dstack.yml</c> to the generator.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    private const string RootNamespace = "MyApp";

    // What Microsoft.NET.Sdk's ImplicitUsings adds to a console app.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    // What Microsoft.NET.Sdk.Web adds to those.
    private const string WebImplicitUsings = """
        global using global::System.Net.Http.Json;
        global using global::Microsoft.AspNetCore.Builder;
        global using global::Microsoft.AspNetCore.Hosting;
        global using global::Microsoft.AspNetCore.Http;
        global using global::Microsoft.AspNetCore.Routing;
        global using global::Microsoft.Extensions.Configuration;
        global using global::Microsoft.Extensions.DependencyInjection;
        global using global::Microsoft.Extensions.Hosting;
        global using global::Microsoft.Extensions.Logging;
        """;

    // Microsoft.NET.Sdk's default NoWarn: assembly-version unification notes (Microsoft.Extensions.AI.OpenAI was built against an older OpenAI).
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        foreach (var snippet in ReadSnippets())
        {
            data.Add(snippet.Line);
        }

        return data;
    }

    [Fact]
    public void The_README_has_csharp_snippets_to_check()
        => Assert.True(ReadSnippets().Count >= 3, "README.md lost its ```csharp blocks, or this test no longer finds them.");

    [Fact]
    public void The_README_has_a_web_snippet_and_one_that_uses_a_dstack_file()
    {
        var snippets = ReadSnippets();
        Assert.Contains(snippets, s => s.IsWebApp);
        Assert.Contains(snippets, s => s.DstackFiles.Count > 0);
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_snippet_compiles_as_pasted(int line)
    {
        var snippet = ReadSnippets().Single(s => s.Line == line);
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        string usings = snippet.IsWebApp ? ImplicitUsings + "\n" + WebImplicitUsings : ImplicitUsings;
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            new[] { CSharpSyntaxTree.ParseText(usings, options, "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(snippet.Code, options, "Program.cs") },
            References(snippet.IsWebApp),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));
        var driver = CSharpGeneratorDriver.Create(
            Generators(),
            snippet.DstackFiles.Select(f => (AdditionalText)new DstackFile(f.Name, f.Text)),
            options,
            new RootNamespaceOptions(RootNamespace));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        string files = string.Concat(snippet.DstackFiles.Select(f => $"\n--- {f.Name}\n{f.Text}"));
        Assert.True(problems.Count == 0, $"The csharp block at README.md line {line} does not compile as pasted:\n{string.Join("\n", problems)}\n---\n{snippet.Code}{files}");
    }

    /// <summary>The csharp blocks, each with the dstack files shown in yaml blocks since the previous csharp block.</summary>
    private static List<Snippet> ReadSnippets()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var snippets = new List<Snippet>();
        var files = new List<(string Name, string Text)>();
        foreach (Match match in FencedBlock().Matches(readme))
        {
            int line = readme.AsSpan(0, match.Index).Count('\n') + 1;
            string language = match.Groups[1].Value;
            string body = match.Groups[2].Value;
            if (language == "yaml" && DstackFileName().Match(body) is { Success: true } name)
            {
                files.Add((name.Groups[1].Value, body));
            }
            else if (language == "csharp")
            {
                snippets.Add(new Snippet(line, body, files.ToList(), WebApp().IsMatch(body)));
                files.Clear();
            }
        }

        // A dstack file shown after the last csharp block would be a file no snippet compiles with.
        Assert.True(files.Count == 0, $"README.md shows {string.Join(", ", files.Select(f => f.Name))} after its last csharp block.");
        return snippets;
    }

    /// <summary>
    /// The test's own runtime and dependencies minus the generator, and the built runtime. A console app gets neither
    /// the ASP.NET Core shared framework nor Dstack.UrlGen.Hosting; the test process has both (for the web snippets).
    /// </summary>
    private static List<MetadataReference> References(bool webApp)
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var files = tpa.Split(Path.PathSeparator).ToList();
        string aspNetCore = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Builder.WebApplication).Assembly.Location)!;
        string runtime = Path.Combine(RepositoryPaths.Root, "src", "Runtime", "bin", RepositoryPaths.Configuration, "net8.0", "Dstack.UrlGen.dll");
        Assert.True(File.Exists(runtime), $"The runtime is not built at {runtime}.");
        files.Add(runtime);
        var references = files
            .Where(f => File.Exists(f)
                && !Path.GetFileName(f).StartsWith("Dstack.UrlGen.Generator", StringComparison.Ordinal)
                && !(Path.GetFileName(f) == "Dstack.UrlGen.dll" && f != runtime)
                && (webApp || (Path.GetFileName(f) != "Dstack.UrlGen.Hosting.dll" && !string.Equals(Path.GetDirectoryName(f), aspNetCore, StringComparison.Ordinal))))
            .Distinct()
            .ToList();
        Assert.Equal(webApp, references.Any(f => Path.GetFileName(f) == "Dstack.UrlGen.Hosting.dll"));
        return references.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    /// <summary>The generators of the package's generator assembly, found by their [Generator] attribute so that renames do not matter.</summary>
    private static IEnumerable<ISourceGenerator> Generators()
    {
        var assembly = Assembly.Load("Dstack.UrlGen.Generator");
        var generators = assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null && typeof(IIncrementalGenerator).IsAssignableFrom(t))
            .Select(t => ((IIncrementalGenerator)Activator.CreateInstance(t)!).AsSourceGenerator())
            .ToList();
        Assert.NotEmpty(generators);
        return generators;
    }

    private sealed record Snippet(int Line, string Code, List<(string Name, string Text)> DstackFiles, bool IsWebApp);

    /// <summary>A dstack file of the snippet's project folder, as the package's build targets pass it to the compiler.</summary>
    private sealed class DstackFile : AdditionalText
    {
        private readonly string _text;

        public DstackFile(string name, string text)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "MyApp", name);
            _text = text;
        }

        public override string Path { get; }

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
            => Microsoft.CodeAnalysis.Text.SourceText.From(_text);
    }

    [GeneratedRegex("^```([a-z]*)\\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex("\\A# ([A-Za-z0-9._-]*\\.dstack\\.yml)\\b")]
    private static partial Regex DstackFileName();

    [GeneratedRegex("\\bWebApplication\\b|^using Dstack\\.UrlGen\\.Hosting;", RegexOptions.Multiline)]
    private static partial Regex WebApp();

    private sealed class RootNamespaceOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public RootNamespaceOptions(string rootNamespace)
            => _global = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = rootNamespace });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());

            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }
}
