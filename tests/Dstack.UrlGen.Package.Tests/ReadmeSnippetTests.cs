using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md compiles as pasted into a console app's Program.cs: top-level
/// statements, the SDK's implicit usings, root namespace <c>MyApp</c>, the [DstackModel] generator run, and
/// references to the runtime, the OpenAI SDK and Microsoft.Extensions.AI.OpenAI (what the Install section adds).
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

    // Microsoft.NET.Sdk's default NoWarn: assembly-version unification notes (Microsoft.Extensions.AI.OpenAI was built against an older OpenAI).
    private static readonly Dictionary<string, ReportDiagnostic> SdkNoWarn = new()
    {
        ["CS1701"] = ReportDiagnostic.Suppress,
        ["CS1702"] = ReportDiagnostic.Suppress,
    };

    public static TheoryData<int, string> Snippets()
    {
        var data = new TheoryData<int, string>();
        foreach (var (line, code) in ReadSnippets())
        {
            data.Add(line, code);
        }

        return data;
    }

    [Fact]
    public void The_README_has_csharp_snippets_to_check()
        => Assert.True(ReadSnippets().Count >= 3, "README.md lost its ```csharp blocks, or this test no longer finds them.");

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_snippet_compiles_as_pasted(int line, string code)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "ReadmeSnippet",
            new[] { CSharpSyntaxTree.ParseText(ImplicitUsings, options, "GlobalUsings.g.cs"), CSharpSyntaxTree.ParseText(code, options, "Program.cs") },
            References(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));
        var driver = CSharpGeneratorDriver.Create(
            Generators(), parseOptions: options, optionsProvider: new RootNamespaceOptions(RootNamespace));

        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        var problems = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, $"The csharp block at README.md line {line} does not compile as pasted:\n{string.Join("\n", problems)}\n---\n{code}");
    }

    private static List<(int Line, string Code)> ReadSnippets()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var snippets = new List<(int, string)>();
        foreach (Match match in CSharpBlock().Matches(readme))
        {
            int line = readme.AsSpan(0, match.Index).Count('\n') + 1;
            snippets.Add((line, match.Groups[1].Value));
        }

        return snippets;
    }

    /// <summary>The test's own runtime and dependencies (OpenAI, Microsoft.Extensions.AI.OpenAI among them) minus the generator, and the built runtime.</summary>
    private static List<MetadataReference> References()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var files = tpa.Split(Path.PathSeparator).ToList();
        string runtime = Path.Combine(RepositoryPaths.Root, "src", "Runtime", "bin", RepositoryPaths.Configuration, "net8.0", "Dstack.UrlGen.dll");
        Assert.True(File.Exists(runtime), $"The runtime is not built at {runtime}.");
        files.Add(runtime);
        return files
            .Where(f => File.Exists(f) && !Path.GetFileName(f).StartsWith("Dstack.UrlGen.Generator", StringComparison.Ordinal))
            .Distinct()
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToList();
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

    [GeneratedRegex("^```csharp\\n(.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

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
