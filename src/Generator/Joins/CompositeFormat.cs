using System.Collections.Generic;
using System.Text;

namespace Dstack.UrlGen.Generator.Joins;

/// <summary>Splits a composite format string ("{0}/v1/{1,5:x}") into literal text and argument indexes, as string.Format reads it.</summary>
internal static class CompositeFormat
{
    /// <summary>
    /// One segment: literal text (with "{{" and "}}" unescaped) when <c>Index</c> is -1, else a placeholder for argument <c>Index</c>.
    /// False when the string is not a valid composite format.
    /// </summary>
    public static bool TryParse(string format, out List<(string Text, int Index)> segments)
    {
        segments = new List<(string, int)>();
        var text = new StringBuilder();
        int i = 0;
        while (i < format.Length)
        {
            char c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append('}');
                    i += 2;
                    continue;
                }

                return false;
            }

            if (c != '{')
            {
                text.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                text.Append('{');
                i += 2;
                continue;
            }

            int close = format.IndexOf('}', i + 1);
            if (close < 0 || !TryReadIndex(format, i + 1, close, out int index))
            {
                return false;
            }

            if (text.Length > 0)
            {
                segments.Add((text.ToString(), -1));
                text.Clear();
            }

            segments.Add((string.Empty, index));
            i = close + 1;
        }

        if (text.Length > 0)
        {
            segments.Add((text.ToString(), -1));
        }

        return true;
    }

    /// <summary>Reads the index of "{index[,alignment][:format]}" between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static bool TryReadIndex(string format, int start, int end, out int index)
    {
        index = 0;
        int i = start;
        while (i < end && format[i] == ' ')
        {
            i++;
        }

        int digits = 0;
        while (i < end && format[i] >= '0' && format[i] <= '9' && digits < 6)
        {
            index = (index * 10) + (format[i] - '0');
            i++;
            digits++;
        }

        if (digits == 0)
        {
            return false;
        }

        while (i < end && format[i] == ' ')
        {
            i++;
        }

        return i == end || format[i] == ',' || format[i] == ':';
    }
}
