using System.Collections.Immutable;
using System.Reflection;
using Dstack.UrlGen.Generator.Generation;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>Checks on the tracked steps of two runs of the generator.</summary>
internal static class Incrementality
{
    /// <summary>Every constant of <see cref="TrackingNames"/>: the named steps of the pipeline.</summary>
    public static ImmutableArray<string> StepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToImmutableArray();

    /// <summary>The steps that feed the catalog, which is always asked for, so each run must track them.</summary>
    private static readonly string[] AlwaysRunning =
    [
        TrackingNames.Language, TrackingNames.AnyModel, TrackingNames.RootNamespaceProperty, TrackingNames.AssemblyName, TrackingNames.RootNamespaceInputs,
        TrackingNames.RootNamespace, TrackingNames.CollectedEntries, TrackingNames.CatalogEntries, TrackingNames.CatalogWithNamespace,
        TrackingNames.CatalogInputs, TrackingNames.Hosting, TrackingNames.CatalogWithHosting, TrackingNames.Catalog,
    ];

    /// <summary>The steps that only run when there is a model to emit: Roslyn does not pull a value nothing combines with.</summary>
    private static readonly string[] RunningWithModels =
    [
        TrackingNames.Declarations, TrackingNames.ValidDeclarations, TrackingNames.Models, TrackingNames.LightUp,
        TrackingNames.LanguageAndLightUp, TrackingNames.EmitOptions, TrackingNames.ModelsWithOptions, TrackingNames.CatalogEntry,
    ];

    /// <summary>
    /// After an edit that touches no declaration, every named step and every output of <paramref name="second"/>
    /// is Cached or Unchanged, with the same values as in <paramref name="first"/>, and the files are the same.
    /// </summary>
    public static void AssertEverythingCached(GeneratorRunResult first, GeneratorRunResult second)
    {
        bool hasModels = Steps(first, TrackingNames.Models).Any(s => s.Outputs.Length > 0);
        foreach (string name in hasModels ? AlwaysRunning.Concat(RunningWithModels) : AlwaysRunning)
        {
            Assert.True(first.TrackedSteps.ContainsKey(name), $"The step '{name}' did not run; is it still named with WithTrackingName?");
        }

        foreach (string name in StepNames)
        {
            ImmutableArray<IncrementalGeneratorRunStep> before = Steps(first, name);
            ImmutableArray<IncrementalGeneratorRunStep> after = Steps(second, name);
            Assert.True(before.Length == after.Length, $"The step '{name}' ran {before.Length} time(s) first and {after.Length} time(s) after an unrelated edit.");
            for (int i = 0; i < after.Length; i++)
            {
                var reasons = after[i].Outputs.Select(o => o.Reason).ToArray();
                Assert.True(
                    reasons.All(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged),
                    $"After an unrelated edit the step '{name}' gave {string.Join(", ", reasons)}; every output must be Cached or Unchanged.");
                Assert.Equal(before[i].Outputs.Select(o => o.Value), after[i].Outputs.Select(o => o.Value));
            }
        }

        foreach (var output in second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason == IncrementalStepRunReason.Cached, $"A source output ran again after an unrelated edit ({output.Reason}).");
        }

        Assert.Equal(
            first.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())),
            second.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
    }

    public static ImmutableArray<IncrementalGeneratorRunStep> Steps(GeneratorRunResult result, string name)
        => result.TrackedSteps.TryGetValue(name, out var steps) ? steps : ImmutableArray<IncrementalGeneratorRunStep>.Empty;

    /// <summary>The reasons of every output of the named step, in order.</summary>
    public static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string name)
        => Steps(result, name).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
}
