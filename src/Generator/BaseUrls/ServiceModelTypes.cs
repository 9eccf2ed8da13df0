using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>
/// Which types are dstack's service model: the type of a member mapped to <c>model</c> on a type that is the type of a
/// member mapped to <c>service</c> (the run JSON's <c>service.model.base_url</c>), through collections and nullable
/// wrappers. Only there does a JSON-mapped <c>base_url</c> count (docs/analyzers.md, "What is a base_url"): the key alone
/// is common (cloud SDKs' API roots, OpenAI-compatible provider configs).
/// The type's own namespace is searched first; only when no holder is there are the members of the type's assembly and
/// of the compilation's own assembly indexed by their (unwrapped) type, once. One instance per compilation context.
/// </summary>
internal sealed class ServiceModelTypes
{
    private const int MaxUnwrap = 3;

    private readonly IAssemblySymbol _compilationAssembly;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _answers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IAssemblySymbol, Dictionary<ITypeSymbol, List<ISymbol>>> _members = new(SymbolEqualityComparer.Default);

    public ServiceModelTypes(Compilation compilation) => _compilationAssembly = compilation.Assembly;

    /// <summary>True when <paramref name="type"/> is reached as <c>service</c> → <c>model</c>.</summary>
    public bool IsServiceModel(INamedTypeSymbol type)
    {
        if (_answers.TryGetValue(type, out bool known))
        {
            return known;
        }

        return _answers.GetOrAdd(type, AnyHolder(type, JsonNames.Model, service => AnyHolder(service, JsonNames.Service, next: null)));
    }

    /// <summary>
    /// True when a member of type <paramref name="type"/> is mapped to <paramref name="key"/> on a type for which
    /// <paramref name="next"/> holds. The DTOs of one JSON document usually sit in one namespace: that is searched first,
    /// member by member, before the index of whole assemblies is built.
    /// </summary>
    private bool AnyHolder(ITypeSymbol type, string key, Func<INamedTypeSymbol, bool>? next)
    {
        if (type.ContainingNamespace is { } ns)
        {
            foreach (INamedTypeSymbol neighbour in ns.GetTypeMembers())
            {
                if (HolderIn(neighbour, type, key, next, depth: 0))
                {
                    return true;
                }
            }
        }

        foreach (ISymbol member in MembersOfType(type))
        {
            if (IsHolder(member, key, next))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HolderIn(INamedTypeSymbol candidate, ITypeSymbol type, string key, Func<INamedTypeSymbol, bool>? next, int depth)
    {
        foreach (ISymbol member in candidate.GetMembers())
        {
            if (member is INamedTypeSymbol nested)
            {
                if (depth < MaxUnwrap && HolderIn(nested, type, key, next, depth + 1))
                {
                    return true;
                }

                continue;
            }

            if (MemberType(member) is { } memberType && SymbolEqualityComparer.Default.Equals(Unwrap(memberType), type) && IsHolder(member, key, next))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHolder(ISymbol member, string key, Func<INamedTypeSymbol, bool>? next)
        => JsonNames.IsMappedTo(member, key) && (next is null || (member.ContainingType is { } owner && next(owner)));

    private static ITypeSymbol? MemberType(ISymbol member) => member switch
    {
        IPropertySymbol { IsStatic: false, IsIndexer: false } property => property.Type,
        IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } field => field.Type,
        _ => null,
    };

    private IEnumerable<ISymbol> MembersOfType(ITypeSymbol type)
    {
        IAssemblySymbol? own = type.ContainingAssembly;
        if (own is not null && Index(own).TryGetValue(type, out List<ISymbol>? inOwn))
        {
            foreach (ISymbol member in inOwn)
            {
                yield return member;
            }
        }

        if (!SymbolEqualityComparer.Default.Equals(own, _compilationAssembly) && Index(_compilationAssembly).TryGetValue(type, out List<ISymbol>? inCompilation))
        {
            foreach (ISymbol member in inCompilation)
            {
                yield return member;
            }
        }
    }

    private Dictionary<ITypeSymbol, List<ISymbol>> Index(IAssemblySymbol assembly)
    {
        if (_members.TryGetValue(assembly, out Dictionary<ITypeSymbol, List<ISymbol>>? index))
        {
            return index;
        }

        index = new Dictionary<ITypeSymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        AddNamespace(assembly.GlobalNamespace, index);
        return _members.GetOrAdd(assembly, index);
    }

    private static void AddNamespace(INamespaceSymbol ns, Dictionary<ITypeSymbol, List<ISymbol>> index)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                AddNamespace(child, index);
            }
            else if (member is INamedTypeSymbol type)
            {
                AddType(type, index);
            }
        }
    }

    private static void AddType(INamedTypeSymbol type, Dictionary<ITypeSymbol, List<ISymbol>> index)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct or TypeKind.Interface))
        {
            return;
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (member is INamedTypeSymbol nested)
            {
                AddType(nested, index);
                continue;
            }

            ITypeSymbol? memberType = MemberType(member);

            if (memberType is not null && Unwrap(memberType) is { } element)
            {
                if (!index.TryGetValue(element, out List<ISymbol>? list))
                {
                    index.Add(element, list = new List<ISymbol>(1));
                }

                list.Add(member);
            }
        }
    }

    /// <summary>The DTO type a member holds: past <c>T?</c>, arrays and generic collections (<c>List&lt;T&gt;</c>, a dictionary's value); null for a type no DTO is.</summary>
    private static ITypeSymbol? Unwrap(ITypeSymbol type)
    {
        for (int i = 0; i <= MaxUnwrap; i++)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    type = array.ElementType;
                    continue;
                case INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: > 0 } generic:
                    type = generic.TypeArguments[generic.TypeArguments.Length - 1];
                    continue;
                case INamedTypeSymbol { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named:
                    return named;
                default:
                    return null;
            }
        }

        return null;
    }
}
