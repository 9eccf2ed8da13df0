using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>One operand of a join, in text order.</summary>
internal readonly struct JoinPart
{
    public JoinPart(IOperation? operation, string? text, bool inPathCombine)
    {
        Operation = operation;
        Text = text;
        InPathCombine = inPathCombine;
    }

    /// <summary>The operand; null for literal text of an interpolated string or a format string.</summary>
    public IOperation? Operation { get; }

    /// <summary>The operand's text when it is known at compile time (constants, white-space values such as Environment.NewLine); else null.</summary>
    public string? Text { get; }

    /// <summary>True when the operand is an argument of Path.Combine or Path.Join.</summary>
    public bool InPathCombine { get; }

    public bool IsConstant => Text is not null;
}

/// <summary>A string built from parts by one of the join forms, as flattened from its top-most expression.</summary>
internal sealed class Join
{
    public Join(IOperation expression, TextSpan span, List<JoinPart> parts)
    {
        Expression = expression;
        Span = span;
        Parts = parts;
    }

    /// <summary>The top-most expression (for StringBuilder statements, the first of them).</summary>
    public IOperation Expression { get; }

    /// <summary>What a diagnostic covers: the whole expression, or all consecutive StringBuilder statements.</summary>
    public TextSpan Span { get; }

    public List<JoinPart> Parts { get; }

    public Location Location => Location.Create(Expression.Syntax.SyntaxTree, Span);

    /// <summary>True when any part is not known at compile time.</summary>
    public bool HasNonConstantPart
    {
        get
        {
            foreach (JoinPart part in Parts)
            {
                if (!part.IsConstant)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
