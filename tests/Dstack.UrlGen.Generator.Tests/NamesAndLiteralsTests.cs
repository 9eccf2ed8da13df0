using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Generation;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>How values and names are written into generated code.</summary>
public sealed class NamesAndLiteralsTests
{
    [Theory]
    [InlineData("Qwen/Qwen3.6-27B")]
    [InlineData("quote \" backslash \\ tab \t newline \n return \r")]
    [InlineData("nul \0 bell \a del \u007f c1 \u0085 line-sep \u2028 para-sep \u2029 bom \ufeff")]
    [InlineData("emoji 😀 cjk 模型 accents Ünïcode")]
    [InlineData("lone high \ud800 and lone low \udc00 surrogates")]
    [InlineData("")]
    public void A_string_literal_reads_back_as_the_same_string_on_one_line(string value)
    {
        string literal = CSharpLiteral.String(value);

        Assert.DoesNotContain('\n', literal);
        Assert.DoesNotContain('\r', literal);
        Assert.DoesNotContain('\u2028', literal);
        var expression = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(literal));
        Assert.Empty(expression.GetDiagnostics());
        Assert.Equal(value, expression.Token.ValueText);
    }

    [Fact]
    public void Null_is_written_as_null() => Assert.Equal("null", CSharpLiteral.String(null));

    [Theory]
    [InlineData("Contoso.App", "Contoso.App")]
    [InlineData("my-app", "my_app")]
    [InlineData("My App.2024", "My_App._2024")]
    [InlineData("Contoso.class.Models", "Contoso.@class.Models")]
    [InlineData("..Leading..Dots..", "Leading.Dots")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    [InlineData("Ünïcode.模型", "Ünïcode.模型")]
    public void A_root_namespace_or_assembly_name_becomes_a_valid_namespace(string? value, string expected)
    {
        string ns = CSharpNames.SanitizeNamespace(value);

        Assert.Equal(expected, ns);
        if (ns.Length > 0)
        {
            Assert.Empty(SyntaxFactory.ParseName(ns).GetDiagnostics());
        }
    }

    [Theory]
    [InlineData("Contoso.Root", "Asm", "Contoso.Root")]
    [InlineData("", "Contoso.Assembly", "Contoso.Assembly")]
    [InlineData(null, "my-app", "my_app")]
    [InlineData(null, null, "")]
    public void The_catalog_namespace_is_RootNamespace_else_the_assembly_name(string? rootNamespace, string? assemblyName, string expected)
    {
        var values = rootNamespace is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.RootNamespace", rootNamespace);

        string? property = CompilationFacts.RootNamespaceProperty(new TestAnalyzerConfigOptions(values));

        Assert.Equal(rootNamespace, property);
        Assert.Equal(expected, CompilationFacts.RootNamespace(property, assemblyName));
    }

    [Fact]
    public void The_writer_indents_blocks_and_refuses_unbalanced_ones()
    {
        var writer = new IndentedWriter().Open("namespace A").Line("class B { }").Line().Close();

        Assert.Equal("namespace A\n{\n    class B { }\n\n}\n", writer.ToString());
        Assert.Throws<InvalidOperationException>(() => new IndentedWriter().Close());
        Assert.Throws<InvalidOperationException>(() => new IndentedWriter().Open("class C").ToString());
    }
}
