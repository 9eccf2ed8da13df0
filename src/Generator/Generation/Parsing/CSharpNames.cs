using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Generation;

/// <summary>Writes names of symbols as generated C# needs them.</summary>
internal static class CSharpNames
{
    /// <summary>The fully qualified name as a reader writes it: no <c>global::</c>, no <c>@</c> escapes.</summary>
    private static readonly SymbolDisplayFormat FullNameFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.None);

    /// <summary>The name of a type as <c>DstackModelInfo.DeclaringType</c> and the hint name carry it.</summary>
    public static string FullName(INamedTypeSymbol type) => type.ToDisplayString(FullNameFormat);

    /// <summary>The name as an identifier: a reserved keyword gets an <c>@</c>.</summary>
    public static string Identifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The namespace as a <c>namespace</c> declaration names it; "" for the global namespace.</summary>
    public static string Namespace(INamespaceSymbol? ns)
    {
        if (ns is null || ns.IsGlobalNamespace)
        {
            return string.Empty;
        }

        string outer = Namespace(ns.ContainingNamespace);
        return outer.Length == 0 ? Identifier(ns.Name) : outer + "." + Identifier(ns.Name);
    }

    /// <summary>
    /// Turns an MSBuild RootNamespace or an assembly name into a namespace C# accepts, as MSBuild does for a
    /// project name: characters that cannot be in an identifier become <c>_</c>, a part that starts with a digit
    /// gets a leading <c>_</c>, keywords are escaped and empty parts dropped. "" means the global namespace.
    /// </summary>
    public static string SanitizeNamespace(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var result = new StringBuilder();
        foreach (string rawPart in value!.Split('.'))
        {
            string part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            var identifier = new StringBuilder(part.Length + 1);
            if (!SyntaxFacts.IsIdentifierStartCharacter(part[0]))
            {
                identifier.Append('_');
            }

            foreach (char c in part)
            {
                identifier.Append(SyntaxFacts.IsIdentifierPartCharacter(c) ? c : '_');
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(Identifier(identifier.ToString()));
        }

        return result.ToString();
    }

    /// <summary>The modifiers a generated partial part repeats: accessibility, <c>static</c>, <c>readonly</c>, <c>ref</c>.</summary>
    public static string Modifiers(INamedTypeSymbol type)
    {
        var modifiers = new List<string>(3);
        string accessibility = type.DeclaredAccessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => string.Empty,
        };
        if (accessibility.Length > 0)
        {
            modifiers.Add(accessibility);
        }

        if (type.IsStatic && type.TypeKind == TypeKind.Class)
        {
            modifiers.Add("static");
        }

        if (type.TypeKind == TypeKind.Struct && type.IsReadOnly)
        {
            modifiers.Add("readonly");
        }

        if (type.IsRefLikeType)
        {
            modifiers.Add("ref");
        }

        return string.Join(" ", modifiers);
    }

    /// <summary>The keyword that declares the type, or null for a kind that cannot hold a nested class.</summary>
    public static string? Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Class => type.IsRecord ? "record" : "class",
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        TypeKind.Interface => "interface",
        _ => null,
    };
}
