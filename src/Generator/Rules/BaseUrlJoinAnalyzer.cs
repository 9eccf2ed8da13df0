using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Dstack.UrlGen.Generator.BaseUrls;
using Dstack.UrlGen.Generator.Diagnostics;
using Dstack.UrlGen.Generator.Joins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>DSTK0001: a dstack base_url joined by hand with a URL part, in any join form.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaseUrlJoinAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.BaseUrlJoinedByHand);

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
                JoinActions.Register(start, rules.JoinParts, join => Analyze(join, sources));
            }
        });
    }

    private static Diagnostic? Analyze(Join join, BaseUrlSources sources)
    {
        if (!CanHoldJoinedBaseUrl(join.Parts))
        {
            return null;
        }

        // Most joins hold no base_url: find out before building segments, asking only about operands a URL part is
        // next to (message text such as "Model at " + model.BaseUrl needs no answer).
        List<IOperation>? baseUrls = null;
        List<JoinPart> parts = join.Parts;
        for (int i = 0; i < parts.Count; i++)
        {
            if (parts[i].Operation is { } operand && operand is not ILiteralOperation
                && (parts[i].InPathCombine || HasUrlPartNeighbour(parts, i))
                && sources.IsBaseUrl(operand))
            {
                (baseUrls ??= new List<IOperation>(2)).Add(operand);
            }
        }

        if (baseUrls is null)
        {
            return null;
        }

        List<JoinSegment> segments = JoinSegments.Merge(join.Parts, part => part.Operation is not null && baseUrls.Contains(part.Operation));
        for (int i = 0; i < segments.Count; i++)
        {
            JoinSegment segment = segments[i];
            if (!segment.IsBaseUrl)
            {
                continue;
            }

            bool joined = segment.InPathCombine
                          || (i > 0 && segments[i - 1].IsUrlPart)
                          || (i + 1 < segments.Count && segments[i + 1].IsUrlPart);
            if (joined)
            {
                return Diagnostic.Create(
                    DiagnosticDescriptors.BaseUrlJoinedByHand,
                    join.Location,
                    Properties(join, segments, i),
                    segment.Operation!.Syntax.ToString());
            }
        }

        return null;
    }

    /// <summary>
    /// True when the nearest non-empty part on either side of part <paramref name="index"/> is a URL part: a run-time value,
    /// or constant text which (merged with the constants around it) is no message text.
    /// </summary>
    private static bool HasUrlPartNeighbour(List<JoinPart> parts, int index)
        => SideIsUrlPart(parts, index, -1) || SideIsUrlPart(parts, index, 1);

    private static bool SideIsUrlPart(List<JoinPart> parts, int index, int step)
    {
        bool sawText = false;
        for (int i = index + step; i >= 0 && i < parts.Count; i += step)
        {
            JoinPart part = parts[i];
            if (part.Text is not { } text)
            {
                // A run-time value right next to it, or beyond URL-like text.
                return true;
            }

            if (text.Length == 0)
            {
                continue;
            }

            if (JoinSegment.IsMessageText(text))
            {
                return false;
            }

            sawText = true;
        }

        return sawText;
    }

    /// <summary>A join of fewer than two non-empty parts joins nothing, unless it is Path.Combine/Join (which always fires).</summary>
    private static bool CanHoldJoinedBaseUrl(List<JoinPart> parts)
    {
        int count = 0;
        foreach (JoinPart part in parts)
        {
            if (part.InPathCombine || (part.Text is not { Length: 0 } && ++count >= 2))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableDictionary<string, string?> Properties(Join join, List<JoinSegment> segments, int baseUrlIndex)
    {
        ImmutableDictionary<string, string?>.Builder properties = ImmutableDictionary.CreateBuilder<string, string?>();
        properties[DiagnosticProperties.BaseUrlSpan] = DiagnosticProperties.Format(segments[baseUrlIndex].Operation!.Syntax.Span);

        int server = -1;
        int others = 0;
        for (int i = 0; i < segments.Count; i++)
        {
            if (i != baseUrlIndex && segments[i].Text is null)
            {
                others++;
                server = i;
            }
        }

        if (others == 1 && server < baseUrlIndex)
        {
            properties[DiagnosticProperties.ServerSpan] = DiagnosticProperties.Format(segments[server].Operation!.Syntax.Span);
        }

        if (BuildsString(join.Expression))
        {
            properties[DiagnosticProperties.ResultType] = DiagnosticProperties.StringResult;
        }

        if (JoinRemainder.EndsWithChatCompletions(segments, baseUrlIndex))
        {
            properties[DiagnosticProperties.Suffix] = DiagnosticProperties.ChatCompletionsSuffix;
        }

        return properties.ToImmutable();
    }

    /// <summary>True when the flagged expression is a string (not a StringBuilder statement, not a FormattableString).</summary>
    private static bool BuildsString(IOperation expression)
        => expression.Type?.SpecialType == SpecialType.System_String
           && !(expression.Parent is IConversionOperation conversion && conversion.Type?.SpecialType != SpecialType.System_String);
}
