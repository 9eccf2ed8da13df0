using System.Collections.Immutable;
using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>
/// Fix All fixes what it can when some sites have no fix, as <c>dotnet format analyzers</c> asks for it: the equivalence
/// key comes from the action of the first diagnostic in the document (none when that site has no fix), and the Fix All
/// provider is asked for the whole solution.
/// </summary>
public class FixAllTests
{
    private const string Dto = """

        public sealed class ServiceModel
        {
            [System.Text.Json.Serialization.JsonPropertyName("base_url")]
            public string BaseUrl { get; set; } = "";
        }

        public sealed class Service { public ServiceModel? Model { get; set; } }

        public sealed class Run { public Service? Service { get; set; } }
        """;

    [Fact]
    public async Task DSTK0004_fixes_the_fixable_check_after_an_unfixable_parse()
    {
        string fixedText = await FixAllAsDotnetFormatAsync(
            new StandaloneUriCodeFix(),
            "DSTK0004",
            """
            using System;

            namespace Client;

            public static class Forms
            {
                public static Uri Parse(ServiceModel model) => new Uri(model.BaseUrl);
                public static bool IsGateway(ServiceModel model) => Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _);
            }
            """ + Dto);

        Assert.Contains("public static Uri Parse(ServiceModel model) => new Uri(model.BaseUrl);", fixedText, StringComparison.Ordinal);
        Assert.Contains("=> DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DSTK0001_fixes_the_fixable_join_after_an_unfixable_one()
    {
        string fixedText = await FixAllAsDotnetFormatAsync(
            new BaseUrlJoinCodeFix(),
            "DSTK0001",
            """
            namespace Client;

            public static class Urls
            {
                public static string Versioned(string server, ServiceModel model) => server + model.BaseUrl + "/v1";
                public static string Model(string server, ServiceModel model) => server + model.BaseUrl;
            }
            """ + Dto);

        Assert.Contains("=> server + model.BaseUrl + \"/v1\";", fixedText, StringComparison.Ordinal);
        Assert.Contains("=> DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;", fixedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DSTK0002_fixes_the_fixable_resolution_after_a_request()
    {
        string fixedText = await FixAllAsDotnetFormatAsync(
            new RfcResolutionCodeFix(),
            "DSTK0002",
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            namespace Client;

            public static class Urls
            {
                public static Task<string> Get(HttpClient client, ServiceModel model) => client.GetStringAsync(model.BaseUrl);
                public static Uri Model(Uri server, ServiceModel model) => new Uri(server, model.BaseUrl);
            }
            """ + Dto);

        Assert.Contains("=> client.GetStringAsync(model.BaseUrl);", fixedText, StringComparison.Ordinal);
        Assert.Contains("=> DstackUrl.Resolve(server, model.BaseUrl);", fixedText, StringComparison.Ordinal);
    }

    /// <summary>Does what <c>dotnet format analyzers --diagnostics ID</c> does with one code-fix provider.</summary>
    private static async Task<string> FixAllAsDotnetFormatAsync(CodeFixProvider provider, string id, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            "Client",
            "Client",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: ScratchAssembly.References));
        var document = workspace.AddDocument(project.Id, "Client.cs", SourceText.From(source));

        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await compilation.WithAnalyzers(DstackAnalyzers.All).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
        Assert.True(diagnostics.Length >= 2, $"expected an unfixable and a fixable {id}, got {diagnostics.Length}");

        CodeAction? first = null;
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => first ??= action, CancellationToken.None));
        Assert.Null(first);

        var fixAll = provider.GetFixAllProvider();
        Assert.NotNull(fixAll);
        Assert.Contains(FixAllScope.Solution, fixAll!.GetSupportedFixAllScopes());
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Solution,
            first?.EquivalenceKey!,
            [id],
            new Diagnostics(diagnostics),
            CancellationToken.None);
        CodeAction? action = await fixAll.GetFixAsync(context);
        Assert.True(action is not null, $"{provider.GetType().Name} returned no Fix All action.");

        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        return (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
    }

    private sealed class Diagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>([]);
    }
}
