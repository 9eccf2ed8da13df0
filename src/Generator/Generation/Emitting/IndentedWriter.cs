using System.Text;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>
/// Builds generated source line by line with four-space indentation and <c>\n</c> line ends, so that the output
/// is the same on every operating system.
/// </summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new(4096);
    private int _depth;

    /// <summary>Writes one line at the current indentation; an empty line gets no indentation.</summary>
    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _depth * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, then <c>{</c>, and indents what follows.</summary>
    public IndentedWriter Open(string header)
    {
        Line(header);
        Line("{");
        _depth++;
        return this;
    }

    /// <summary>Ends the innermost block opened with <see cref="Open"/>.</summary>
    public IndentedWriter Close()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("Close() was called more often than Open().");
        }

        _depth--;
        return Line("}");
    }

    /// <summary>The text written so far; every block must be closed.</summary>
    public override string ToString()
        => _depth == 0 ? _text.ToString() : throw new InvalidOperationException($"{_depth} block(s) are still open.");
}
