using System;
using System.Collections.Immutable;
using System.Text;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Joins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>DSTK0003: a dstack proxy path (<c>/proxy/models/…</c>, <c>/proxy/services/…</c>) built by hand from a run-time value.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ProxyPathAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.ProxyPathBuiltByHand);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            JoinActions.Register(start, RuleContext.ForJoins().JoinParts, Analyze);
        });
    }

    private static Diagnostic? Analyze(Join join)
    {
        if (!join.HasNonConstantPart || !MayHoldProxyPath(join))
        {
            return null;
        }

        // Adjacent constants are read as one text, as "/proxy/" + "models/" + name is.
        var text = new StringBuilder();
        for (int i = 0; i <= join.Parts.Count; i++)
        {
            if (i < join.Parts.Count && join.Parts[i].Text is { } constant)
            {
                text.Append(constant);
                continue;
            }

            if (text.Length > 0 && IsProxyPath(text.ToString()))
            {
                return Diagnostic.Create(DiagnosticDescriptors.ProxyPathBuiltByHand, join.Location, text.ToString());
            }

            text.Clear();
        }

        return null;
    }

    /// <summary>
    /// Cheap filter before texts are merged: some constant names a part of the proxy path. (A path split inside every
    /// one of its words, "pro" + "xy/mod" + "els/", is not looked for.)
    /// </summary>
    private static bool MayHoldProxyPath(Join join)
    {
        foreach (JoinPart part in join.Parts)
        {
            if (part.Text is { Length: >= 5 } text
                && (text.IndexOf("proxy", StringComparison.Ordinal) >= 0 || text.IndexOf("models", StringComparison.Ordinal) >= 0 || text.IndexOf("services", StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsProxyPath(string text)
        => (text.IndexOf("proxy/models/", StringComparison.Ordinal) >= 0 || text.IndexOf("proxy/services/", StringComparison.Ordinal) >= 0)
           && !HasWhiteSpace(text);

    private static bool HasWhiteSpace(string text)
    {
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
