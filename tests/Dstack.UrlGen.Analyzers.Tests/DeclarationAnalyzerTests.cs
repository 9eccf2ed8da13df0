using Dstack.UrlGen.Generator.Rules;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>DSTK0101–DSTK0107 from the generator's own parser, and agreement between the analyzer and the generator.</summary>
public class DeclarationAnalyzerTests
{
    private static Task Verify(string source, params (string Path, string Text)[] moreSources)
    {
        var test = new CSharpAnalyzerTest<DeclarationAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = ReferenceAssemblies.Net.Net80,
            TestCode = source,
        };

        foreach ((string path, string text) in moreSources)
        {
            test.TestState.Sources.Add((path, text));
        }

        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location));
        return test.RunAsync();
    }

    [Fact]
    public Task Valid_declarations_are_silent() => Verify("""
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
        public static partial class Qwen { }
        [DstackModel("Qwen/Qwen3.6-27B", Project = "main", BaseUrl = "/proxy/services/main/qwen36/v1")]
        public static partial class QwenOnServer { }
        public partial class Outer
        {
            [DstackModel("meta-llama/Llama-3.1-8B-Instruct", BaseUrl = "https://llama.example.com/v1")]
            internal static partial class Llama { }
        }
        """);

    [Fact]
    public Task Type_not_partial() => Verify("""
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B")]
        public static class {|DSTK0101:Qwen|} { }
        """);

    [Fact]
    public Task Empty_model_name() => Verify("""
        using Dstack.UrlGen;
        [DstackModel({|DSTK0102:" "|})]
        public static partial class Qwen { }
        """);

    [Fact]
    public Task Invalid_base_url_names_the_error() => Verify("""
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", BaseUrl = {|#0:"//evil.example.com/v1"|})]
        public static partial class Qwen { }
        """.Replace("{|#0:", "{|DSTK0103:", StringComparison.Ordinal));

    [Fact]
    public async Task Invalid_base_url_message_gives_the_dstack_url_error()
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(new DeclarationAnalyzer(), """
            using Dstack.UrlGen;
            [DstackModel("Qwen/Qwen3.6-27B", BaseUrl = "https://h.example.com/a/../b")]
            public static partial class Qwen { }
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("DSTK0103", diagnostic.Id);
        Assert.Contains("(DotSegment)", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public Task Invalid_project_and_run_names() => Verify("""
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Project = {|DSTK0104:"main project"|}, Run = {|DSTK0105:"Qwen36"|})]
        public static partial class Qwen { }
        """);

    [Fact]
    public Task Generic_and_nested_in_non_partial_types_are_unsupported() => Verify("""
        using Dstack.UrlGen;
        [DstackModel("a")]
        public partial class {|DSTK0107:Generic|}<T> { }
        public class Outer
        {
            [DstackModel("b")]
            public static partial class {|DSTK0107:Inner|} { }
        }
        """);

    [Fact]
    public Task Duplicate_declarations_are_reported_on_each_later_one_in_file_order() => Verify(
        """
        using Dstack.UrlGen;
        [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
        public static partial class Qwen { }
        [DstackModel("Qwen/Qwen3.6-27B", Project = "other", Run = "qwen36")]
        public static partial class QwenElsewhere { }
        """,
        ("/0/Test1.cs", """
            using Dstack.UrlGen;
            [{|#0:DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")|}]
            public static partial class QwenAgain { }
            [{|#1:DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")|}]
            public static partial class QwenThird { }
            """.Replace("{|#0:", "{|DSTK0106:", StringComparison.Ordinal).Replace("{|#1:", "{|DSTK0106:", StringComparison.Ordinal)));

    [Fact]
    public async Task Duplicate_message_names_the_first_and_the_later_declaration()
    {
        var diagnostics = await TestCompilation.AnalyzeAsync(
            new DeclarationAnalyzer(),
            """
            namespace A;
            [Dstack.UrlGen.DstackModel("m", Run = "r1")] public static partial class First { }
            """,
            """
            namespace B;
            [Dstack.UrlGen.DstackModel("m", Run = "r1")] public static partial class Second { }
            """);
        Diagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/src/File1.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal("The model \"m\" is declared by both 'A.First' and 'B.Second' with the same project and run; keep one declaration", diagnostic.GetMessage());
    }

    [Fact]
    public Task Pragma_suppresses_a_declaration_error() => Verify("""
        using Dstack.UrlGen;
        #pragma warning disable DSTK0104
        [DstackModel("Qwen/Qwen3.6-27B", Project = "main project")]
        #pragma warning restore DSTK0104
        public static partial class Qwen { }
        """);

    /// <summary>The generator emits code for exactly the declarations the analyzer finds no error in.</summary>
    [Fact]
    public async Task Analyzer_and_generator_agree()
    {
        string source = """
            using Dstack.UrlGen;
            namespace Contoso;
            [DstackModel("ok-1", Run = "qwen36")] public static partial class Ok1 { }
            [DstackModel("ok-2", Project = "main", BaseUrl = "https://gw.example.com/v1")] public partial class Ok2 { }
            [DstackModel("bad-partial")] public static class NotPartial { }
            [DstackModel("")] public static partial class EmptyName { }
            [DstackModel("bad-url", BaseUrl = "file:///etc/passwd")] public static partial class BadUrl { }
            [DstackModel("bad-project", Project = "a/b")] public static partial class BadProject { }
            [DstackModel("bad-run", Run = "-x")] public static partial class BadRun { }
            [DstackModel("bad-generic")] public static partial class Generic<T> { }
            [DstackModel("dup", Run = "r1")] public static partial class Dup1 { }
            [DstackModel("dup", Run = "r1")] public static partial class Dup2 { }
            """;
        CSharpCompilation compilation = await TestCompilation.CreateAsync(source);

        var errors = (await TestCompilation.AnalyzeAsync(new DeclarationAnalyzer(), source))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.SourceTree!.GetRoot().FindToken(d.Location.SourceSpan.Start).Parent!
                .AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>().First().Identifier.ValueText)
            .ToHashSet();

        GeneratorDriver driver = CSharpGeneratorDriver.Create(new DstackModelGenerator()).RunGenerators(compilation);
        var generated = driver.GetRunResult().GeneratedTrees
            .Select(t => Path.GetFileName(t.FilePath))
            .Where(name => name.EndsWith(".DstackModel.g.cs", StringComparison.Ordinal))
            .Select(name => name["Contoso.".Length..^".DstackModel.g.cs".Length])
            .ToHashSet();

        string[] declared = ["Ok1", "Ok2", "NotPartial", "EmptyName", "BadUrl", "BadProject", "BadRun", "Generic", "Dup1", "Dup2"];
        Assert.Equal(["NotPartial", "EmptyName", "BadUrl", "BadProject", "BadRun", "Generic"], declared.Where(errors.Contains));
        Assert.Equal(declared.Where(d => !errors.Contains(d)), declared.Where(generated.Contains));
    }
}
