using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>Inputs at the edges: nothing to generate, a declaration twice, an attribute of the same name elsewhere.</summary>
public sealed class GeneratorEdgeTests
{
    [Fact]
    public async Task A_compilation_without_declarations_gets_no_file_not_even_a_catalog()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput("namespace Contoso { public static class Program { } }"));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public async Task An_attribute_of_the_same_name_in_another_namespace_is_ignored()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput("""
            namespace Other
            {
                [System.AttributeUsage(System.AttributeTargets.Class)]
                public sealed class DstackModelAttribute : System.Attribute
                {
                    public DstackModelAttribute(string name) { }
                }

                [DstackModel("m")]
                public static partial class NotOurs { }
            }
            """));

        Assert.Empty(run.Sources);
    }

    [Fact]
    public async Task The_attribute_on_two_parts_of_one_type_generates_one_file_from_the_first()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(
            """
            [Dstack.UrlGen.DstackModel("first", Run = "one")]
            public static partial class Twice { }
            """,
            """
            [Dstack.UrlGen.DstackModel("second", Run = "two")]
            public static partial class Twice { }
            """));

        Assert.Equal(["DstackModelCatalog.g.cs", "Twice.DstackModel.g.cs"], run.Sources.Keys);
        Assert.Contains("public const string ModelName = \"first\";", run.Sources["Twice.DstackModel.g.cs"]);
        Assert.Contains(run.OutputCompilation.GetDiagnostics(), d => d.Id == "CS0579");
    }

    [Fact]
    public async Task Models_with_the_same_type_name_in_two_namespaces_get_two_files()
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(
            """namespace A { [Dstack.UrlGen.DstackModel("m")] public static partial class Qwen { } }""",
            """namespace B { [Dstack.UrlGen.DstackModel("m")] public static partial class Qwen { } }"""));

        Assert.Equal(["A.Qwen.DstackModel.g.cs", "B.Qwen.DstackModel.g.cs", "DstackModelCatalog.g.cs"], run.Sources.Keys);
        Assert.Empty(run.OutputCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public async Task The_output_is_the_same_whatever_the_order_of_the_files()
    {
        string a = """namespace A { [Dstack.UrlGen.DstackModel("a")] public static partial class First { } }""";
        string b = """namespace B { [Dstack.UrlGen.DstackModel("b")] public static partial class Second { } }""";

        GeneratorRun forward = await GeneratorHarness.RunAsync(new GeneratorInput(a, b));
        GeneratorRun backward = await GeneratorHarness.RunAsync(new GeneratorInput(b, a));

        Assert.Equal(forward.Sources, backward.Sources);
    }
}
