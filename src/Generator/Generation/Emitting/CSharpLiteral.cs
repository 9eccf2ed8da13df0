using System.Globalization;
using System.Text;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Writes values as C# literals.</summary>
internal static class CSharpLiteral
{
    /// <summary>
    /// A regular string literal that compiles back to exactly <paramref name="value"/>. Besides quotes and
    /// backslashes, every control, line-separator, format or lone surrogate character is written as <c>\uXXXX</c>,
    /// so the generated line stays one line and the file survives any encoding.
    /// </summary>
    public static string String(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (NeedsEscape(c))
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
        return text.ToString();
    }

    private static bool NeedsEscape(char c)
    {
        switch (char.GetUnicodeCategory(c))
        {
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
            case UnicodeCategory.LineSeparator:
            case UnicodeCategory.ParagraphSeparator:
            case UnicodeCategory.Surrogate:
            case UnicodeCategory.PrivateUse:
            case UnicodeCategory.OtherNotAssigned:
                return true;
            default:
                return false;
        }
    }
}
