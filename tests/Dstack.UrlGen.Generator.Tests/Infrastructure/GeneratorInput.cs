using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>One compilation to run the generator on.</summary>
/// <param name="Sources">The user's source files.</param>
/// <param name="LanguageVersion">The consumer's C# version.</param>
/// <param name="References">Which optional libraries the compilation references.</param>
/// <param name="RootNamespace">MSBuild's RootNamespace as <c>build_property.RootNamespace</c>; null when absent.</param>
/// <param name="AssemblyName">The compilation's assembly name.</param>
public sealed record GeneratorInput(
    ImmutableArray<string> Sources,
    LanguageVersion LanguageVersion = LanguageVersion.Latest,
    ReferenceSet References = ReferenceSet.Runtime,
    string? RootNamespace = "Contoso.App",
    string AssemblyName = "Contoso.App")
{
    public GeneratorInput(params string[] sources)
        : this(sources.ToImmutableArray())
    {
    }

    /// <summary>The project's additional files (dstack configurations and others), by path.</summary>
    public ImmutableArray<(string Path, string Text)> AdditionalFiles { get; init; } = ImmutableArray<(string Path, string Text)>.Empty;

    public CSharpParseOptions ParseOptions => new(LanguageVersion, Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
}
