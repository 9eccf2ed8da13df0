using System;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>
/// Name matching (<c>dstack_urlgen.match_base_url_names = true</c>): <c>baseUrl</c>, <c>base_url</c>, <c>_baseUrl</c>,
/// <c>modelBaseUrl</c>. Constants and values that are already URLs (<c>const string BaseUrl = "http://foo"</c>, a local
/// <c>baseUrl</c> assigned a full request URL) are not base_urls: a test constant or a built URL is not what dstack reports.
/// </summary>
internal static class BaseUrlNames
{
    /// <summary>True for the names that read as a dstack base_url.</summary>
    public static bool Matches(string name)
    {
        int start = name.StartsWith("m_", StringComparison.Ordinal) || name.StartsWith("s_", StringComparison.Ordinal) ? 2 : 0;
        int letters = 0;
        Span<char> folded = stackalloc char[12];
        for (int i = start; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '_')
            {
                continue;
            }

            if (letters == folded.Length)
            {
                return false;
            }

            folded[letters++] = char.ToLowerInvariant(c);
        }

        ReadOnlySpan<char> text = folded.Slice(0, letters);
        return text.SequenceEqual("baseurl".AsSpan()) || text.SequenceEqual("modelbaseurl".AsSpan());
    }

    /// <summary>A name-matched field counts unless it is a constant or is initialized with a URL already.</summary>
    public static bool FieldMatches(IFieldSymbol field)
    {
        if (!Matches(field.Name) || field.IsConst)
        {
            return false;
        }

        foreach (SyntaxReference reference in field.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax literal }
                && literal.Token.Value is string text && StartsWithScheme(text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> is a URL already: a constant, a join whose first text names a scheme
    /// (<c>"https://api.example.com/v1/files/" + id</c>, <c>$"https://{host}/v1"</c>), or a Uri's text.
    /// </summary>
    public static bool IsUrlAlready(IOperation value)
    {
        value = value.SkipConversions();
        if (value.ConstantValue.HasValue)
        {
            return true;
        }

        switch (value)
        {
            case IBinaryOperation binary:
                return IsUrlAlready(binary.LeftOperand);
            case IInterpolatedStringOperation interpolated:
                return interpolated.Parts.Length > 0 && interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string first } && StartsWithScheme(first);
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance } when KnownTypes.Uri.Matches(instance.Type):
                return true;
            case IPropertyReferenceOperation { Property.Name: "AbsoluteUri" or "OriginalString" } property when KnownTypes.Uri.Matches(property.Property.ContainingType):
                return true;
            case IInvocationOperation { TargetMethod: { Name: "Concat" or "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String } } call:
                return call.Arguments.Length > 0 && call.Arguments[0].Value.SkipConversions().ConstantValue is { HasValue: true, Value: string text } && StartsWithScheme(text);
            default:
                return false;
        }
    }

    /// <summary>"http://…", "https://…", any "scheme://…".</summary>
    public static bool StartsWithScheme(string text)
    {
        int colon = text.IndexOf("://", StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        for (int i = 0; i < colon; i++)
        {
            char c = text[i];
            if (!(char.IsLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
