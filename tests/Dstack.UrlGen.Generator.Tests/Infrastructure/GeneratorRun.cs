using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>The outcome of running the generator once (after the harness has checked its incrementality).</summary>
/// <param name="Input">What was compiled.</param>
/// <param name="Compilation">The user's compilation.</param>
/// <param name="OutputCompilation">The compilation with the generated trees added.</param>
/// <param name="Driver">The driver after the first run, to run again on an edited compilation.</param>
/// <param name="Result">The generator's result of the first run.</param>
public sealed record GeneratorRun(
    GeneratorInput Input,
    Compilation Compilation,
    Compilation OutputCompilation,
    GeneratorDriver Driver,
    GeneratorRunResult Result)
{
    /// <summary>The generated files by hint name, in hint-name order.</summary>
    public ImmutableSortedDictionary<string, string> Sources { get; } = Result.GeneratedSources.ToImmutableSortedDictionary(
        s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>The generated syntax trees, as the output compilation holds them.</summary>
    public IEnumerable<SyntaxTree> GeneratedTrees => Result.GeneratedSources.Select(s => s.SyntaxTree);
}
