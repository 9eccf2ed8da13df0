using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>
/// The types the analyzers compare against, resolved once per compilation in a compilation-start action.
/// A type the compilation does not reference is null, and every check that needs it is simply false.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        String = compilation.GetSpecialType(SpecialType.System_String);
        Object = compilation.GetSpecialType(SpecialType.System_Object);
        DstackBaseUrlAttribute = compilation.GetTypeByMetadataName("Dstack.UrlGen.DstackBaseUrlAttribute");
        DstackUrl = compilation.GetTypeByMetadataName("Dstack.UrlGen.DstackUrl");
        JsonPropertyNameAttribute = compilation.GetTypeByMetadataName("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        NewtonsoftJsonPropertyAttribute = compilation.GetTypeByMetadataName("Newtonsoft.Json.JsonPropertyAttribute");
        DataMemberAttribute = compilation.GetTypeByMetadataName("System.Runtime.Serialization.DataMemberAttribute");
        JsonElement = compilation.GetTypeByMetadataName("System.Text.Json.JsonElement");
        JsonNode = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonNode");
        JToken = compilation.GetTypeByMetadataName("Newtonsoft.Json.Linq.JToken");
        NewtonsoftLinqExtensions = compilation.GetTypeByMetadataName("Newtonsoft.Json.Linq.Extensions");
        Uri = compilation.GetTypeByMetadataName("System.Uri");
        UriKind = compilation.GetTypeByMetadataName("System.UriKind");
        HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
        HttpClientJsonExtensions = compilation.GetTypeByMetadataName("System.Net.Http.Json.HttpClientJsonExtensions");
        HttpRequestMessage = compilation.GetTypeByMetadataName("System.Net.Http.HttpRequestMessage");
        StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
        Path = compilation.GetTypeByMetadataName("System.IO.Path");
        Environment = compilation.GetTypeByMetadataName("System.Environment");
    }

    public INamedTypeSymbol String { get; }

    public INamedTypeSymbol Object { get; }

    public INamedTypeSymbol? DstackBaseUrlAttribute { get; }

    public INamedTypeSymbol? DstackUrl { get; }

    public INamedTypeSymbol? JsonPropertyNameAttribute { get; }

    public INamedTypeSymbol? NewtonsoftJsonPropertyAttribute { get; }

    public INamedTypeSymbol? DataMemberAttribute { get; }

    public INamedTypeSymbol? JsonElement { get; }

    public INamedTypeSymbol? JsonNode { get; }

    public INamedTypeSymbol? JToken { get; }

    public INamedTypeSymbol? NewtonsoftLinqExtensions { get; }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? UriKind { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? HttpClientJsonExtensions { get; }

    public INamedTypeSymbol? HttpRequestMessage { get; }

    public INamedTypeSymbol? StringBuilder { get; }

    public INamedTypeSymbol? Path { get; }

    public INamedTypeSymbol? Environment { get; }

    /// <summary>Resolves every symbol of <paramref name="compilation"/>; call once per compilation.</summary>
    public static KnownSymbols Resolve(Compilation compilation) => new(compilation);

    public bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    /// <summary>True for JsonElement, JsonNode and its subclasses, JToken and its subclasses.</summary>
    public bool IsJsonValueType(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (Is(type, JsonElement))
        {
            return true;
        }

        for (ITypeSymbol? t = type; t is not null; t = t.BaseType)
        {
            if (Is(t, JsonNode) || Is(t, JToken))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
        => known is not null && type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
}
