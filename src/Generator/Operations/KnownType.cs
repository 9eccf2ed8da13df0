using System;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>
/// One well-known type, recognised by its full metadata name (namespace and name) on the candidate symbol. This is the
/// one way the analyzers and the code fixes identify a type. Nothing is looked up in the compilation to match:
/// Compilation.GetTypeByMetadataName searches every reference, and hosts that analyze one document at a time start the
/// analyzers again for every document, where those look-ups cost more than the whole analysis (docs/analyzers.md,
/// "Per-compilation context").
/// </summary>
internal sealed class KnownType
{
    private readonly string _name;
    private readonly string[] _namespace;

    public KnownType(string metadataName)
    {
        MetadataName = metadataName;
        int dot = metadataName.LastIndexOf('.');
        _name = metadataName.Substring(dot + 1);
        _namespace = metadataName.Substring(0, dot).Split('.');
        Array.Reverse(_namespace);
    }

    /// <summary>The full metadata name, such as <c>System.Uri</c>.</summary>
    public string MetadataName { get; }

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

    /// <summary>
    /// True when <paramref name="compilation"/> can name this type. For code fixes, which run once per user action;
    /// the analyzers never call it.
    /// </summary>
    public bool IsDefinedIn(Compilation compilation) => compilation.GetTypeByMetadataName(MetadataName) is not null;
}
