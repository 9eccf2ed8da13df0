using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.CodeFixes;

/// <summary>Compares types by their full CLR name ("System.String", not the keyword "string").</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat FullName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.None);

    public static string? Of(ITypeSymbol? type) => type?.ToDisplayString(FullName);

    public static bool Is(ITypeSymbol? type, string fullName) => Of(type) == fullName;
}
