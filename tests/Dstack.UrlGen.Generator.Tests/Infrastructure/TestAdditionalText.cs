using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>An additional file as the build passes it (<c>AdditionalFiles</c>): a path and its text.</summary>
internal sealed class TestAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
