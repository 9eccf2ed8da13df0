using System;
using System.Collections.Generic;
using Dstack.UrlGen.Generator.BaseUrls;
using Dstack.UrlGen.Generator.Joins;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// What one usage rule shares while it analyzes one compilation: the base_url sources with their caches and the pool of
/// join parts. Made in <c>RegisterCompilationStartAction</c> and dropped with the compilation; nothing static is mutable
/// (docs/analyzers.md, "Per-compilation context").
/// </summary>
internal sealed class RuleContext
{
    /// <summary>Assemblies that define a type which can mark a base_url (an attribute, dstack's endpoint, a JSON value).</summary>
    private static readonly string[] MarkingAssemblies =
    {
        "Dstack.UrlGen",
        "System.Text.Json",
        "Newtonsoft.Json",
        "System.Runtime.Serialization",
        "System.Runtime.Serialization.Primitives",
        "System.Private.DataContractSerialization",
        "netstandard",
    };

    private RuleContext(Compilation compilation, AnalyzerOptions options)
    {
        BaseUrls = new BaseUrlSources(compilation, options);
    }

    public BaseUrlSources BaseUrls { get; }

    public ObjectPool<List<JoinPart>> JoinParts { get; } = new(() => new List<JoinPart>(32));

    /// <summary>
    /// The context of <paramref name="compilation"/>, or null when nothing in it can be a base_url: no
    /// reference defines <c>[DstackBaseUrl]</c>, <c>DstackModelEndpoint</c>, a JSON mapping attribute or a JSON value
    /// type, and no tree matches names. Then the rules that judge base_urls register nothing.
    /// </summary>
    public static RuleContext? ForBaseUrls(Compilation compilation, AnalyzerOptions options)
    {
        var context = new RuleContext(compilation, options);
        return CanReferenceMarkers(compilation) || context.BaseUrls.AnyTreeMatchesNames(compilation) ? context : null;
    }

    /// <summary>The context for rules that judge joins without base_urls (DSTK0003).</summary>
    public static RuleContext ForJoins(Compilation compilation, AnalyzerOptions options) => new(compilation, options);

    private static bool CanReferenceMarkers(Compilation compilation)
    {
        if (IsMarking(compilation.AssemblyName))
        {
            return true;
        }

        foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
        {
            if (IsMarking(reference.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMarking(string? assemblyName)
        => assemblyName is not null && Array.IndexOf(MarkingAssemblies, assemblyName) >= 0;
}
