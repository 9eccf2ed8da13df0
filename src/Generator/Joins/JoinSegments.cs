using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>A join's parts with adjacent compile-time text merged and empty text dropped, so each segment's neighbours are what the reader sees next to it.</summary>
internal readonly struct JoinSegment
{
    public JoinSegment(IOperation? operation, string? text, bool isBaseUrl, bool inPathCombine)
    {
        Operation = operation;
        Text = text;
        IsBaseUrl = isBaseUrl;
        InPathCombine = inPathCombine;
    }

    public IOperation? Operation { get; }

    /// <summary>Known text (constants, merged); null for a value only known at run time.</summary>
    public string? Text { get; }

    public bool IsBaseUrl { get; }

    public bool InPathCombine { get; }

    /// <summary>
    /// A URL part (docs/analyzers.md, "Joins"): a value not known at compile time, or text with neither white space nor '='.
    /// Text with white space or '=' is message text ("Model at ", "base_url=").
    /// </summary>
    public bool IsUrlPart => Text is null || !IsMessageText(Text);

    public static bool IsMessageText(string text)
    {
        foreach (char c in text)
        {
            if (c == '=' || char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}

internal static class JoinSegments
{
    /// <summary>Merges <paramref name="parts"/>; a part for which <paramref name="isBaseUrl"/> is true stays a segment of its own.</summary>
    public static List<JoinSegment> Merge(List<JoinPart> parts, Func<JoinPart, bool> isBaseUrl)
    {
        var segments = new List<JoinSegment>(parts.Count);
        string? pendingText = null;
        IOperation? pendingOperation = null;
        bool pendingInPath = false;
        foreach (JoinPart part in parts)
        {
            bool baseUrl = isBaseUrl(part);
            if (part.IsConstant && !baseUrl)
            {
                pendingOperation = pendingText is null ? part.Operation : null;
                pendingText = (pendingText ?? string.Empty) + part.Text;
                pendingInPath |= part.InPathCombine;
                continue;
            }

            Flush(segments, ref pendingText, ref pendingOperation, ref pendingInPath);
            segments.Add(new JoinSegment(part.Operation, part.Text, baseUrl, part.InPathCombine));
        }

        Flush(segments, ref pendingText, ref pendingOperation, ref pendingInPath);
        return segments;
    }

    private static void Flush(List<JoinSegment> segments, ref string? text, ref IOperation? operation, ref bool inPath)
    {
        if (!string.IsNullOrEmpty(text))
        {
            segments.Add(new JoinSegment(operation, text, isBaseUrl: false, inPath));
        }

        text = null;
        operation = null;
        inPath = false;
    }
}
