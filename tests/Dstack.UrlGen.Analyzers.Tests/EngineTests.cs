using System.Collections.Immutable;
using System.Reflection;
using Dstack.UrlGen.Generator.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>
/// The engine's shape (docs/analyzers.md): nothing static is mutable, the linked runtime types stay internal, and a
/// compilation where nothing can be a base_url or declare a model costs no per-operation or per-symbol work.
/// </summary>
public class EngineTests
{
    private static readonly Assembly AnalyzerAssembly = typeof(BaseUrlJoinAnalyzer).Assembly;

    [Fact]
    public void No_analyzer_type_holds_static_mutable_state()
    {
        var offenders = new List<string>();
        foreach (Type type in AnalyzerAssembly.GetTypes().Where(t => t.Namespace is { } ns && !ns.Contains(".Generation", StringComparison.Ordinal)))
        {
            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral || field.Name.Contains('<', StringComparison.Ordinal))
                {
                    continue;
                }

                bool threadStatic = field.GetCustomAttribute<ThreadStaticAttribute>() is not null;
                bool mutableType = field.FieldType.IsGenericType
                    && field.FieldType.Name.Split('`')[0] is "List" or "Dictionary" or "ConcurrentDictionary" or "ConditionalWeakTable" or "HashSet";
                if (threadStatic || !field.IsInitOnly || mutableType)
                {
                    offenders.Add($"{type.FullName}.{field.Name}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [InlineData("Dstack.UrlGen.DstackUrlKind")]
    [InlineData("Dstack.UrlGen.DstackUrlError")]
    [InlineData("Dstack.UrlGen.DstackNames")]
    public void Linked_runtime_sources_are_internal_in_the_analyzer_assembly(string name)
    {
        Type? type = AnalyzerAssembly.GetType(name);
        Assert.NotNull(type);
        Assert.False(type!.IsPublic, $"{name} is public in {AnalyzerAssembly.GetName().Name}.");
    }

    [Fact]
    public void Only_the_analyzers_and_their_descriptors_are_public()
    {
        string[] exported = AnalyzerAssembly.GetExportedTypes()
            .Where(t => !t.IsSubclassOf(typeof(DiagnosticAnalyzer)) && !t.IsSubclassOf(typeof(Microsoft.CodeAnalysis.IIncrementalGenerator)) && !typeof(IIncrementalGenerator).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToArray();
        Assert.Empty(exported);
    }

    [Fact]
    public async Task Nothing_is_registered_per_operation_where_nothing_can_be_a_base_url()
    {
        // netstandard-free, runtime-free: only System.Runtime and System.Text.RegularExpressions of .NET 8, no JSON.
        ImmutableArray<MetadataReference> all = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var references = all.Where(r => Path.GetFileNameWithoutExtension(r.Display) is "System.Runtime" or "System.Collections").ToArray();
        var compilation = CSharpCompilation.Create(
            "Plain",
            [CSharpSyntaxTree.ParseText("class C { string M(string a, string b) => a + \"/\" + b; }")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        foreach (DiagnosticAnalyzer analyzer in new DiagnosticAnalyzer[] { new BaseUrlJoinAnalyzer(), new RfcResolutionAnalyzer(), new StandaloneUriAnalyzer(), new DeclarationAnalyzer() })
        {
            AnalyzerTelemetryInfo telemetry = await Telemetry(compilation, analyzer);
            Assert.Equal(0, telemetry.OperationActionsCount + telemetry.SymbolActionsCount + telemetry.SyntaxNodeActionsCount + telemetry.CompilationEndActionsCount);
        }
    }

    [Fact]
    public async Task Name_matching_keeps_the_rules_on_without_any_marking_type()
    {
        ImmutableArray<MetadataReference> all = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var references = all.Where(r => Path.GetFileNameWithoutExtension(r.Display) is "System.Runtime").ToArray();
        var compilation = CSharpCompilation.Create(
            "Plain",
            [CSharpSyntaxTree.ParseText("class C { string M(string server, string baseUrl) => server + baseUrl; }", path: "/src/C.cs")],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions([], new NameOption());

        ImmutableArray<Diagnostic> diagnostics = await compilation
            .WithAnalyzers([new BaseUrlJoinAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Equal("DSTK0001", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public async Task Declaration_analyzer_does_nothing_where_DstackModel_is_never_applied()
    {
        CSharpCompilation compilation = await TestCompilation.CreateAsync(
            "[System.Obsolete] public class A { }",
            "public partial class B { [System.Obsolete] public void M() { } }");
        AnalyzerTelemetryInfo telemetry = await Telemetry(compilation, new DeclarationAnalyzer());
        Assert.Equal(0, telemetry.SymbolActionsCount);
        Assert.Equal(0, telemetry.OperationActionsCount);
        Assert.Empty(await compilation.WithAnalyzers([new DeclarationAnalyzer()]).GetAnalyzerDiagnosticsAsync(CancellationToken.None));
    }

    private static async Task<AnalyzerTelemetryInfo> Telemetry(Compilation compilation, DiagnosticAnalyzer analyzer)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            [analyzer],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }

    private sealed class NameOption : AnalyzerConfigOptionsProvider
    {
        private static readonly AnalyzerConfigOptions On = new Options();

        public override AnalyzerConfigOptions GlobalOptions => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => On;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly AnalyzerConfigOptions Empty = new EmptyOptions();

            public override bool TryGetValue(string key, out string value)
            {
                value = "true";
                return key == "dstack_urlgen.match_base_url_names";
            }
        }

        private sealed class EmptyOptions : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = "";
                return false;
            }
        }
    }
}
