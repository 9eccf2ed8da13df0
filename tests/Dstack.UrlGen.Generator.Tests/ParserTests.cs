using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// The parser the generator and the DSTK01xx analyzers share: which declarations it accepts, and what it says
/// (rule, location, message arguments) about the others.
/// </summary>
public sealed class ParserTests
{
    [Fact]
    public async Task A_valid_declaration_gives_a_spec_and_no_problem()
    {
        DstackModelDeclaration result = await ParseAsync("""
            namespace Contoso.Models
            {
                public static partial class Outer
                {
                    [Dstack.UrlGen.DstackModel("Qwen/Qwen3.6-27B", Project = "team_a-1", Run = "qwen36", BaseUrl = "http://gateway.example.com/v1")]
                    internal static partial class Qwen { }
                }
            }
            """, "Contoso.Models.Outer+Qwen");

        Assert.Empty(result.Problems);
        DstackModelSpec spec = Assert.IsType<DstackModelSpec>(result.Spec);
        Assert.Equal("Contoso.Models", spec.Namespace);
        Assert.Equal([new TypeDeclarationSpec("public static", "class", "Outer")], spec.ContainingTypes);
        Assert.Equal(new TypeDeclarationSpec("internal static", "class", "Qwen"), spec.Type);
        Assert.Equal("Contoso.Models.Outer.Qwen", spec.FullName);
        Assert.Equal(("Qwen/Qwen3.6-27B", "team_a-1", "qwen36", "http://gateway.example.com/v1"), (spec.ModelName, spec.Project, spec.Run, spec.BaseUrl));
        Assert.Equal("Gateway", spec.BaseUrlKind.ToString());
        Assert.Equal("Contoso.Models.Outer.Qwen.DstackModel.g.cs", spec.HintName);
    }

    [Fact]
    public async Task A_type_that_is_not_partial_is_DSTK0101_on_its_name()
    {
        DstackModelDeclaration result = await ParseAsync("""
            [Dstack.UrlGen.DstackModel("m")]
            public static class Qwen { }
            """, "Qwen");

        DeclarationProblem problem = Assert.Single(result.Problems);
        Assert.Null(result.Spec);
        AssertProblem(problem, "DSTK0101", "Qwen", ["Qwen"]);
        Assert.Equal(
            "The type 'Qwen' has [DstackModel] but is not partial; add the 'partial' modifier so that its endpoint accessors can be generated",
            problem.ToDiagnostic().GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"  \\t \"")]
    [InlineData("null")]
    [InlineData("modelName: \"\"")]
    public async Task An_empty_model_name_is_DSTK0102_on_the_argument(string argument)
    {
        DstackModelDeclaration result = await ParseAsync($$"""
            [Dstack.UrlGen.DstackModel({{argument}}, Project = "main")]
            public static partial class Qwen { }
            """, "Qwen");

        AssertProblem(Assert.Single(result.Problems), "DSTK0102", argument.Replace("modelName: ", string.Empty), ["Qwen"]);
    }

    [Theory]
    [InlineData("//evil.example.com/v1", "NetworkPath")]
    [InlineData("ftp://files.example.com/v1", "UnsupportedScheme")]
    [InlineData("localhost:3000/v1", "UnsupportedScheme")]
    [InlineData("", "Empty")]
    [InlineData("/proxy/../admin", "DotSegment")]
    [InlineData("https://trusted.example.com@evil.example.com/", "UserInfo")]
    [InlineData("/proxy/models/main/#frag", "Fragment")]
    public async Task A_BaseUrl_the_resolver_refuses_is_DSTK0103_naming_the_error(string baseUrl, string error)
    {
        DstackModelDeclaration result = await ParseAsync($$"""
            [Dstack.UrlGen.DstackModel("m", BaseUrl = "{{baseUrl}}")]
            public static partial class Qwen { }
            """, "Qwen");

        AssertProblem(Assert.Single(result.Problems), "DSTK0103", $"\"{baseUrl}\"", [baseUrl, "Qwen", error]);
    }

    [Theory]
    [InlineData("https://qwen36.example.com/v1")]
    [InlineData("http://gateway.example.com")]
    [InlineData("/proxy/services/main/qwen36/v1")]
    [InlineData("proxy/models/main/")]
    public async Task A_BaseUrl_the_resolver_accepts_is_valid(string baseUrl)
    {
        DstackModelDeclaration result = await ParseAsync($$"""
            [Dstack.UrlGen.DstackModel("m", BaseUrl = "{{baseUrl}}")]
            public static partial class Qwen { }
            """, "Qwen");

        Assert.Empty(result.Problems);
        Assert.Equal(baseUrl, result.Spec!.BaseUrl);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("dot.ted")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk")]
    public async Task An_invalid_project_is_DSTK0104(string project)
    {
        DstackModelDeclaration result = await ParseAsync($$"""
            [Dstack.UrlGen.DstackModel("m", Project = "{{project}}")]
            public static partial class Qwen { }
            """, "Qwen");

        AssertProblem(Assert.Single(result.Problems), "DSTK0104", $"\"{project}\"", [project, "Qwen"]);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("a")]
    [InlineData("1run")]
    [InlineData("under_score")]
    [InlineData("abcdefghijabcdefghijabcdefghijabcdefghijab")]
    public async Task An_invalid_run_is_DSTK0105(string run)
    {
        DstackModelDeclaration result = await ParseAsync($$"""
            [Dstack.UrlGen.DstackModel("m", Run = "{{run}}")]
            public static partial class Qwen { }
            """, "Qwen");

        AssertProblem(Assert.Single(result.Problems), "DSTK0105", $"\"{run}\"", [run, "Qwen"]);
    }

    [Theory]
    [InlineData("[Dstack.UrlGen.DstackModel(\"m\")] public partial class Qwen<T> { }", "Qwen`1", "Qwen<T>", "it is generic")]
    [InlineData("public class Outer { [Dstack.UrlGen.DstackModel(\"m\")] public partial class Qwen { } }", "Outer+Qwen", "Outer.Qwen", "it is nested in the non-partial type 'Outer'")]
    [InlineData("public partial class Outer<T> { [Dstack.UrlGen.DstackModel(\"m\")] public partial class Qwen { } }", "Outer`1+Qwen", "Outer<T>.Qwen", "it is nested in the generic type 'Outer<T>'")]
    [InlineData("[Dstack.UrlGen.DstackModel(\"m\")] file partial class Qwen { }", null, "Qwen", "it is a file-local type")]
    public async Task An_unsupported_target_is_DSTK0107_with_the_reason(string source, string? metadataName, string typeName, string reason)
    {
        DstackModelDeclaration result = await ParseAsync(source, metadataName);

        DeclarationProblem problem = Assert.Single(result.Problems);
        Assert.Null(result.Spec);
        AssertProblem(problem, "DSTK0107", "Qwen", [typeName, problem.MessageArgs[1]]);
        Assert.StartsWith(reason, problem.MessageArgs[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_broken_rule_is_reported_in_rule_order()
    {
        DstackModelDeclaration result = await ParseAsync("""
            public class Outer
            {
                [Dstack.UrlGen.DstackModel(" ", Project = "a b", Run = "R", BaseUrl = "file:///etc")]
                public class Qwen { }
            }
            """, "Outer+Qwen");

        Assert.Null(result.Spec);
        Assert.Equal(["DSTK0101", "DSTK0102", "DSTK0103", "DSTK0104", "DSTK0105", "DSTK0107"], result.Problems.Select(p => p.Descriptor.Id));
    }

    [Fact]
    public async Task An_attribute_that_does_not_bind_gives_neither_spec_nor_argument_problem()
    {
        DstackModelDeclaration result = await ParseAsync("""
            [Dstack.UrlGen.DstackModel]
            public static partial class Qwen { }
            """, "Qwen", allowErrors: true);

        Assert.Null(result.Spec);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public async Task A_type_without_the_attribute_is_not_a_declaration()
    {
        Compilation compilation = await CompileAsync("public partial class Plain { }");

        Assert.Null(DstackModelParser.ParseType(compilation.GetTypeByMetadataName("Plain")!, CancellationToken.None));
    }

    [Fact]
    public void Two_declarations_of_one_model_name_project_and_run_are_the_same_model()
    {
        var spec = new DstackModelSpec(string.Empty, EquatableArray<TypeDeclarationSpec>.Empty, new("public", "class", "A"), "A", "m", "main", null, null, default);

        Assert.True(spec.DeclaresSameModelAs(spec with { FullName = "B", Type = new("public", "class", "B") }));
        Assert.True(spec.DeclaresSameModelAs(spec with { BaseUrl = "https://x.example.com" }));
        Assert.False(spec.DeclaresSameModelAs(spec with { Project = null }));
        Assert.False(spec.DeclaresSameModelAs(spec with { Run = "r1" }));
        Assert.False(spec.DeclaresSameModelAs(spec with { ModelName = "M" }));
    }

    private static void AssertProblem(DeclarationProblem problem, string id, string locationText, string[] messageArgs)
    {
        Assert.Equal(id, problem.Descriptor.Id);
        Location location = Assert.IsAssignableFrom<Location>(problem.Location);
        Assert.Equal(locationText, location.SourceTree!.GetText().ToString(location.SourceSpan));
        Assert.Equal(messageArgs, problem.MessageArgs);
    }

    private static async Task<DstackModelDeclaration> ParseAsync(string source, string? metadataName, bool allowErrors = false)
    {
        Compilation compilation = await CompileAsync(source);
        if (!allowErrors)
        {
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        }

        INamedTypeSymbol type = metadataName is null
            ? compilation.GetSymbolsWithName("Qwen", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single()
            : compilation.GetTypeByMetadataName(metadataName) ?? throw new InvalidOperationException($"No type {metadataName}.");
        DstackModelDeclaration? result = DstackModelParser.ParseType(type, CancellationToken.None);
        return Assert.IsType<DstackModelDeclaration>(result);
    }

    private static async Task<Compilation> CompileAsync(string source)
        => CSharpCompilation.Create(
            "ParserTests",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            await TestReferences.GetAsync(ReferenceSet.Runtime),
            GeneratorHarness.CompilationOptions(LanguageVersion.Latest));
}
