using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Rules;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Analyzers.Tests;

/// <summary>The properties the code fixes read (DiagnosticProperties), checked on the text they point to.</summary>
public class DiagnosticPropertiesTests
{
    private const string Prelude = """
        using System;
        using System.Net.Http;
        using System.Text;
        using Dstack.UrlGen;
        class M { [DstackBaseUrl] public string BaseUrl { get; set; } = ""; }

        """;

    private static async Task<(Diagnostic Diagnostic, string Source)> SingleAsync(DiagnosticAnalyzer analyzer, string body)
    {
        string source = Prelude + "class C\n{\n" + body + "\n}\n";
        ImmutableArray<Diagnostic> diagnostics = await TestCompilation.AnalyzeAsync(analyzer, source);
        return (Assert.Single(diagnostics), source);
    }

    private static string? Text(Diagnostic diagnostic, string source, string key)
        => DiagnosticProperties.TryParse(diagnostic.Properties.GetValueOrDefault(key), out TextSpan span) ? source.Substring(span.Start, span.Length) : null;

    [Fact]
    public async Task Join_with_a_server_and_chat_completions()
    {
        var (d, source) = await SingleAsync(new BaseUrlJoinAnalyzer(), """
            string Url(string server, M m) => server + "/" + m.BaseUrl + "/chat/completions";
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.Equal("server", Text(d, source, DiagnosticProperties.ServerSpan));
        Assert.Equal("String", d.Properties[DiagnosticProperties.ResultType]);
        Assert.Equal("ChatCompletions", d.Properties[DiagnosticProperties.Suffix]);
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.Form));
    }

    [Fact]
    public async Task Interpolated_join_without_a_server()
    {
        var (d, source) = await SingleAsync(new BaseUrlJoinAnalyzer(), """
            string Url(M m) => $"{m.BaseUrl}/v1";
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.Null(Text(d, source, DiagnosticProperties.ServerSpan));
        Assert.Equal("String", d.Properties[DiagnosticProperties.ResultType]);
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.Suffix));
    }

    [Fact]
    public async Task Join_with_two_other_values_has_no_server()
    {
        var (d, _) = await SingleAsync(new BaseUrlJoinAnalyzer(), """
            string Url(string server, string version, M m) => server + m.BaseUrl + version;
            """);
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.ServerSpan));
    }

    [Fact]
    public async Task Join_that_is_no_string_has_no_result_type()
    {
        var (d, source) = await SingleAsync(new BaseUrlJoinAnalyzer(), """
            FormattableString Url(Uri server, M m) => $"{server}{m.BaseUrl}";
            """);
        Assert.Equal("server", Text(d, source, DiagnosticProperties.ServerSpan));
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.ResultType));
    }

    [Fact]
    public async Task String_builder_statements_have_no_result_type()
    {
        var (d, _) = await SingleAsync(new BaseUrlJoinAnalyzer(), """
            void Build(StringBuilder sb, string server, M m) { sb.Append(server); sb.Append(m.BaseUrl); }
            """);
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.ResultType));
    }

    [Fact]
    public async Task New_uri_with_a_base()
    {
        var (d, source) = await SingleAsync(new RfcResolutionAnalyzer(), """
            Uri Url(Uri server, M m) => new Uri(server, m.BaseUrl);
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.Equal("server", Text(d, source, DiagnosticProperties.ServerSpan));
        Assert.Equal("Uri", d.Properties[DiagnosticProperties.ResultType]);
        Assert.Equal("'new Uri(…)' resolves the dstack base_url 'm.BaseUrl' as an RFC 3986 reference, which drops the server's path prefix; call DstackUrl.Resolve(serverUrl, baseUrl)", d.GetMessage());
    }

    [Fact]
    public async Task Http_client_request()
    {
        var (d, source) = await SingleAsync(new RfcResolutionAnalyzer(), """
            System.Threading.Tasks.Task<string> Get(HttpClient client, M m) => client.GetStringAsync(m.BaseUrl);
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.ServerSpan));
        Assert.Equal(DiagnosticProperties.RequestUriForm, d.Properties[DiagnosticProperties.Form]);
    }

    [Fact]
    public async Task New_uri_alone()
    {
        var (d, source) = await SingleAsync(new StandaloneUriAnalyzer(), """
            Uri Url(M m) => new Uri(m.BaseUrl);
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.Equal("Uri", d.Properties[DiagnosticProperties.ResultType]);
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.Form));
    }

    [Theory]
    [InlineData("UriKind.Absolute", "TryCreateAbsolute")]
    [InlineData("UriKind.RelativeOrAbsolute", null)]
    public async Task Try_create_form(string kind, string? form)
    {
        var (d, source) = await SingleAsync(new StandaloneUriAnalyzer(), $$"""
            bool IsGateway(M m) => Uri.TryCreate(m.BaseUrl, {{kind}}, out _);
            """);
        Assert.Equal("m.BaseUrl", Text(d, source, DiagnosticProperties.BaseUrlSpan));
        Assert.Equal(form, d.Properties.GetValueOrDefault(DiagnosticProperties.Form));
        Assert.False(d.Properties.ContainsKey(DiagnosticProperties.ResultType));
    }
}
