using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>Global analyzer config options (what MSBuild passes as <c>build_property.*</c>).</summary>
internal sealed class TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
{
    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
}

internal sealed class TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string> globalValues) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions EmptyOptions = new TestAnalyzerConfigOptions(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestAnalyzerConfigOptions(globalValues);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => EmptyOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => EmptyOptions;
}
