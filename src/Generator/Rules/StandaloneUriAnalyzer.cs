using System.Collections.Immutable;
using Dstack.UrlGen.Generator.BaseUrls;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>DSTK0004: a base_url parsed on its own (<c>new Uri(baseUrl)</c>, <c>new Uri(baseUrl, kind)</c>, <c>Uri.TryCreate(baseUrl, kind, out …)</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StandaloneUriAnalyzer : DiagnosticAnalyzer
{
    private const int UriKindAbsolute = 1;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BaseUrlParsedAsStandaloneUri);

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
        IMethodSymbol? method;
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        switch (context.Operation)
        {
            case IObjectCreationOperation creation when KnownTypes.Uri.Matches(creation.Type):
                method = creation.Constructor;
                arguments = creation.Arguments;
                break;
            case IInvocationOperation { TargetMethod: { Name: "TryCreate", IsStatic: true } target } invocation when KnownTypes.Uri.Matches(target.ContainingType):
                method = target;
                arguments = invocation.Arguments;
                break;
            default:
                return;
        }

        if (method is not { Parameters.Length: >= 1 } || !KnownTypes.IsString(method.Parameters[0].Type))
        {
            return;
        }

        IArgumentOperation? text = null;
        IArgumentOperation? kind = null;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                text = argument;
            }
            else if (KnownTypes.UriKind.Matches(argument.Parameter?.Type))
            {
                kind = argument;
            }
        }

        if (text is null || !sources.IsBaseUrl(text.Value) || IsResolvedAfterwards(context.Operation))
        {
            return;
        }

        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.BaseUrlSpan] = DiagnosticProperties.Format(text.Value.Syntax.Span);
        if (context.Operation is IObjectCreationOperation)
        {
            properties[DiagnosticProperties.ResultType] = DiagnosticProperties.UriResult;
        }
        else if (kind?.Value.ConstantValue is { HasValue: true, Value: UriKindAbsolute })
        {
            properties[DiagnosticProperties.Form] = DiagnosticProperties.TryCreateAbsoluteForm;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.BaseUrlParsedAsStandaloneUri,
            context.Operation.Syntax.GetLocation(),
            properties.ToImmutable(),
            CallNames.Describe(context.Operation),
            text.Value.Syntax.ToString()));
    }

    /// <summary>
    /// True when the new Uri is at once the reference of an RFC resolution (<c>new Uri(server, new Uri(baseUrl, UriKind.Relative))</c>):
    /// DSTK0002 reports that call, and one diagnostic per mistake is enough.
    /// </summary>
    private static bool IsResolvedAfterwards(IOperation uri)
    {
        return uri.ParentSkippingConversions() is IArgumentOperation argument
               && argument.Parent is { } call
               && RfcResolutionSite.TryGet(call, out RfcResolutionSite site)
               && site.Relative == argument;
    }
}
