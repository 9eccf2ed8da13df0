using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>
/// DSTK0002: a base_url resolved against a server as an RFC 3986 reference (<c>new Uri(server, baseUrl)</c>,
/// <c>Uri.TryCreate(server, baseUrl, out …)</c>, an HttpClient request against BaseAddress), which drops the server's path prefix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RfcResolutionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <see cref="DiagnosticProperties.Form"/> value for an HttpClient request or HttpRequestMessage, whose base is BaseAddress.</summary>
    internal const string RequestUriForm = "RequestUri";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BaseUrlResolvedAsRfcReference);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var sources = BaseUrlSources.For(start.Compilation, start.Options);
            start.RegisterOperationAction(c => Analyze(c, sources), OperationKind.ObjectCreation, OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, BaseUrlSources sources)
    {
        KnownSymbols known = sources.Known;
        if (!RfcResolutionSite.TryGet(context.Operation, known, out RfcResolutionSite site))
        {
            return;
        }

        IOperation relative = site.Relative.Value;
        ITypeSymbol? relativeType = site.Relative.Parameter?.Type;
        IOperation? baseUrl;
        if (known.IsString(relativeType))
        {
            if (!sources.IsBaseUrl(relative))
            {
                return;
            }

            baseUrl = relative;
        }
        else if (!known.Uri.Matches(relativeType) || !sources.IsUriFromBaseUrl(relative, out baseUrl))
        {
            return;
        }

        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
        if (baseUrl is not null)
        {
            properties[DiagnosticProperties.BaseUrlSpan] = DiagnosticProperties.Format(baseUrl.Syntax.Span);
        }

        if (site.BaseUri is not null)
        {
            properties[DiagnosticProperties.ServerSpan] = DiagnosticProperties.Format(site.BaseUri.Value.Syntax.Span);
            properties[DiagnosticProperties.ResultType] = "Uri";
        }
        else
        {
            properties[DiagnosticProperties.Form] = RequestUriForm;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BaseUrlResolvedAsRfcReference,
            context.Operation.Syntax.GetLocation(),
            properties.ToImmutable(),
            CallNames.Describe(context.Operation),
            (baseUrl ?? relative).Syntax.ToString()));
    }
}
