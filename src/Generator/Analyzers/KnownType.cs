using System;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>
/// One well-known type, recognised by its full metadata name (namespace and name) on the candidate symbol, as the
/// generator's parser recognises [DstackModel]. Nothing is looked up in the compilation: Compilation.GetTypeByMetadataName
/// searches every reference for duplicates, and hosts that analyze one document at a time start the analyzers again on
/// a fresh compilation for every document, where those look-ups cost more than the whole analysis
/// (docs/benchmarks.md, "Analyzers", has the figures).
/// </summary>
internal sealed class KnownType
{
    private readonly string _name;
    private readonly string[] _namespace;

    public KnownType(string metadataName)
    {
        int dot = metadataName.LastIndexOf('.');
        _name = metadataName.Substring(dot + 1);
        _namespace = metadataName.Substring(0, dot).Split('.');
        Array.Reverse(_namespace);
    }

    /// <summary>True when <paramref name="type"/> (or its generic definition) is this type.</summary>
    public bool Matches(ITypeSymbol? type)
    {
        if (type is null || type.ContainingType is not null || !string.Equals(type.MetadataName, _name, StringComparison.Ordinal))
        {
            return false;
        }

        INamespaceSymbol? ns = type.ContainingNamespace;
        foreach (string part in _namespace)
        {
            if (ns is null || ns.IsGlobalNamespace || !string.Equals(ns.Name, part, StringComparison.Ordinal))
            {
                return false;
            }

            ns = ns.ContainingNamespace;
        }

        return ns is { IsGlobalNamespace: true };
    }
}
