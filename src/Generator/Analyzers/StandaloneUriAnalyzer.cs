using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>DSTK0004: a base_url parsed on its own (<c>new Uri(baseUrl)</c>, <c>new Uri(baseUrl, kind)</c>, <c>Uri.TryCreate(baseUrl, kind, out …)</c>).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StandaloneUriAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The <see cref="DiagnosticProperties.Form"/> value for <c>Uri.TryCreate(baseUrl, UriKind.Absolute, out …)</c>.</summary>
    internal const string TryCreateAbsoluteForm = "TryCreateAbsolute";

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
            var sources = BaseUrlSources.For(start.Compilation, start.Options);
            start.RegisterOperationAction(c => Analyze(c, sources), OperationKind.ObjectCreation, OperationKind.Invocation);
        });
    }

    private static void Analyze(OperationAnalysisContext context, BaseUrlSources sources)
    {
        KnownSymbols known = sources.Known;
        IMethodSymbol? method;
        System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments;
        switch (context.Operation)
        {
            case IObjectCreationOperation creation when known.Uri.Matches(creation.Type):
                method = creation.Constructor;
                arguments = creation.Arguments;
                break;
            case IInvocationOperation { TargetMethod: { Name: "TryCreate", IsStatic: true } target } invocation when known.Uri.Matches(target.ContainingType):
                method = target;
                arguments = invocation.Arguments;
                break;
            default:
                return;
        }

        if (method is not { Parameters.Length: >= 1 } || !known.IsString(method.Parameters[0].Type))
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
            else if (known.UriKind.Matches(argument.Parameter?.Type))
            {
                kind = argument;
            }
        }

        if (text is null || !sources.IsBaseUrl(text.Value) || IsResolvedAfterwards(context.Operation, known))
        {
            return;
        }

        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.BaseUrlSpan] = DiagnosticProperties.Format(text.Value.Syntax.Span);
        if (context.Operation is IObjectCreationOperation)
        {
            properties[DiagnosticProperties.ResultType] = "Uri";
        }
        else if (kind?.Value.ConstantValue is { HasValue: true, Value: UriKindAbsolute })
        {
            properties[DiagnosticProperties.Form] = TryCreateAbsoluteForm;
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
    private static bool IsResolvedAfterwards(IOperation uri, KnownSymbols known)
    {
        IOperation? parent = uri.Parent;
        while (parent is IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation argument
               && argument.Parent is { } call
               && RfcResolutionSite.TryGet(call, known, out RfcResolutionSite site)
               && site.Relative == argument;
    }
}
