using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>Every generated output compiles, at every C# version a consumer may use, without an error or a warning.</summary>
public sealed class CompileTests
{
    private static readonly LanguageVersion[] Versions =
        [LanguageVersion.CSharp7_3, LanguageVersion.CSharp8, LanguageVersion.CSharp12, LanguageVersion.Latest];

    public static TheoryData<string, string> CasesAndVersions()
    {
        var data = new TheoryData<string, string>();
        foreach (DeclarationCase c in DeclarationCases.All)
        {
            foreach (LanguageVersion version in Versions.Where(v => v.MapSpecifiedToEffectiveVersion() >= c.MinimumVersion))
            {
                data.Add(c.Name, version.ToDisplayString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndVersions))]
    public async Task Generated_code_compiles_without_errors_or_warnings(string caseName, string version)
    {
        Assert.True(LanguageVersionFacts.TryParse(version, out LanguageVersion languageVersion));
        DeclarationCase declaration = DeclarationCases.Get(caseName);
        GeneratorRun run = await GeneratorHarness.RunAsync(declaration.Input with { LanguageVersion = languageVersion });
        Assert.NotEmpty(run.Sources);

        var problems = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => !(d.Id == "CS1591" && !IsGenerated(run, d)))
            .Where(d => !IsDeclaredInvalidOnPurpose(caseName, run, d))
            .ToList();

        Assert.True(problems.Count == 0, $"{caseName} at C# {version}:\n{string.Join("\n", problems)}");
    }

    /// <summary>The generator's own trees; a user's undocumented public type (CS1591) is not the generator's business.</summary>
    private static bool IsGenerated(GeneratorRun run, Diagnostic diagnostic)
        => run.GeneratedTrees.Contains(diagnostic.Location.SourceTree);

    /// <summary>The invalid declarations of that case are there to be skipped; the analyzers, not the compiler, report them.</summary>
    private static bool IsDeclaredInvalidOnPurpose(string caseName, GeneratorRun run, Diagnostic diagnostic)
        => caseName == "InvalidDeclarations_Skipped" && !IsGenerated(run, diagnostic) && diagnostic.Severity == DiagnosticSeverity.Warning;
}
