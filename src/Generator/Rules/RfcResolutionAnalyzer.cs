using System.Collections.Immutable;
using Dstack.UrlGen.Generator.BaseUrls;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// DSTK0002: a base_url resolved against a server as an RFC 3986 reference (<c>new Uri(server, baseUrl)</c>,
/// <c>Uri.TryCreate(server, baseUrl, out …)</c>, an HttpClient request against BaseAddress), which drops the server's path prefix.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RfcResolutionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BaseUrlResolvedAsRfcReference);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (RuleContext.ForBaseUrls(start.Compilation, start.Options) is { } rules)
            {
                BaseUrlSources sources = rules.BaseUrls;
                start.RegisterOperationAction(c => Analyze(c, sources), OperationKind.ObjectCreation, OperationKind.Invocation);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, BaseUrlSources sources)
    {
        if (!RfcResolutionSite.TryGet(context.Operation, out RfcResolutionSite site))
        {
            return;
        }

        IOperation relative = site.Relative.Value;
        ITypeSymbol? relativeType = site.Relative.Parameter?.Type;
        IOperation? baseUrl;
        if (KnownTypes.IsString(relativeType))
        {
            if (!sources.IsBaseUrl(relative))
            {
                return;
            }

            baseUrl = relative;
        }
        else if (!KnownTypes.Uri.Matches(relativeType) || !sources.IsUriFromBaseUrl(relative, out baseUrl))
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
            properties[DiagnosticProperties.ResultType] = DiagnosticProperties.UriResult;
        }
        else
        {
            properties[DiagnosticProperties.Form] = DiagnosticProperties.RequestUriForm;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BaseUrlResolvedAsRfcReference,
            context.Operation.Syntax.GetLocation(),
            properties.ToImmutable(),
            CallNames.Describe(context.Operation),
            (baseUrl ?? relative).Syntax.ToString()));
    }
}
