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
    private readonly BaseUrlSources? _baseUrls;

    private RuleContext(BaseUrlSources? baseUrls) => _baseUrls = baseUrls;

    /// <summary>The base_url sources; only a context made by <see cref="ForBaseUrls"/> has them.</summary>
    public BaseUrlSources BaseUrls => _baseUrls ?? throw new InvalidOperationException("This rule context judges joins only; make it with ForBaseUrls.");

    public ObjectPool<List<JoinPart>> JoinParts { get; } = new(() => new List<JoinPart>(32));

    /// <summary>
    /// The context of <paramref name="compilation"/>, or null when nothing in it can be a base_url: no
    /// reference defines <c>[DstackBaseUrl]</c>, <c>DstackModelEndpoint</c>, a JSON mapping attribute or a JSON value
    /// type, and no tree matches names. Then the rules that judge base_urls register nothing.
    /// </summary>
    public static RuleContext? ForBaseUrls(Compilation compilation, AnalyzerOptions options)
    {
        var sources = new BaseUrlSources(compilation, options);
        return CanReferenceMarkers(compilation) || sources.AnyTreeMatchesNames(compilation) ? new RuleContext(sources) : null;
    }

    /// <summary>The context for rules that judge joins without base_urls (DSTK0003).</summary>
    public static RuleContext ForJoins() => new(baseUrls: null);

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

    /// <summary>Assemblies that define a type which can mark a base_url (an attribute, dstack's endpoint, a JSON value).</summary>
    private static bool IsMarking(string? assemblyName) => assemblyName switch
    {
        "Dstack.UrlGen" or "System.Text.Json" or "Newtonsoft.Json" or "netstandard"
            or "System.Runtime.Serialization" or "System.Runtime.Serialization.Primitives" or "System.Private.DataContractSerialization" => true,
        _ => false,
    };
}
