using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// The analyzers of the generator assembly, found by reflection so that the fix tests run against every analyzer
/// the package ships, whatever their class names.
/// </summary>
internal static class DstackAnalyzers
{
    public static Assembly GeneratorAssembly { get; } = Assembly.Load("Dstack.UrlGen.Generator");

    public static ImmutableArray<DiagnosticAnalyzer> All { get; } = GeneratorAssembly.GetTypes()
        .Where(type => !type.IsAbstract
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
            && attribute.Languages.Contains(LanguageNames.CSharp))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type, nonPublic: true)!)
        .ToImmutableArray();
}
