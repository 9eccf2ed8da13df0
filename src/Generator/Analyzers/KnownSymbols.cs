using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Analyzers;

/// <summary>
/// The types the analyzers compare against, by name (see <see cref="KnownType"/>). A type the compilation does not
/// reference matches nothing, and every check that needs it is simply false.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly KnownSymbols Names = new();

    private KnownSymbols()
    {
        DstackBaseUrlAttribute = new KnownType("Dstack.UrlGen.DstackBaseUrlAttribute");
        JsonPropertyNameAttribute = new KnownType("System.Text.Json.Serialization.JsonPropertyNameAttribute");
        NewtonsoftJsonPropertyAttribute = new KnownType("Newtonsoft.Json.JsonPropertyAttribute");
        DataMemberAttribute = new KnownType("System.Runtime.Serialization.DataMemberAttribute");
        JsonElement = new KnownType("System.Text.Json.JsonElement");
        JsonNode = new KnownType("System.Text.Json.Nodes.JsonNode");
        JToken = new KnownType("Newtonsoft.Json.Linq.JToken");
        NewtonsoftLinqExtensions = new KnownType("Newtonsoft.Json.Linq.Extensions");
        Uri = new KnownType("System.Uri");
        UriKind = new KnownType("System.UriKind");
        HttpClient = new KnownType("System.Net.Http.HttpClient");
        HttpClientJsonExtensions = new KnownType("System.Net.Http.Json.HttpClientJsonExtensions");
        HttpRequestMessage = new KnownType("System.Net.Http.HttpRequestMessage");
        StringBuilder = new KnownType("System.Text.StringBuilder");
        Path = new KnownType("System.IO.Path");
        Environment = new KnownType("System.Environment");
    }

    public KnownType DstackBaseUrlAttribute { get; }

    public KnownType JsonPropertyNameAttribute { get; }

    public KnownType NewtonsoftJsonPropertyAttribute { get; }

    public KnownType DataMemberAttribute { get; }

    public KnownType JsonElement { get; }

    public KnownType JsonNode { get; }

    public KnownType JToken { get; }

    public KnownType NewtonsoftLinqExtensions { get; }

    public KnownType Uri { get; }

    public KnownType UriKind { get; }

    public KnownType HttpClient { get; }

    public KnownType HttpClientJsonExtensions { get; }

    public KnownType HttpRequestMessage { get; }

    public KnownType StringBuilder { get; }

    public KnownType Path { get; }

    public KnownType Environment { get; }

    /// <summary>
    /// The set for <paramref name="compilation"/>. It holds names only, so every compilation shares one: hosts that analyze
    /// one document at a time run compilation-start actions for each document, on a fresh compilation.
    /// </summary>
    public static KnownSymbols Resolve(Compilation compilation) => compilation is null ? throw new System.ArgumentNullException(nameof(compilation)) : Names;

    public bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    /// <summary>True for JsonElement, JsonNode and its subclasses, JToken and its subclasses.</summary>
    public bool IsJsonValueType(ITypeSymbol? type)
    {
        if (type is null || type.SpecialType != SpecialType.None || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        if (JsonElement.Matches(type))
        {
            return true;
        }

        for (ITypeSymbol? t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
        {
            if (JsonNode.Matches(t) || JToken.Matches(t))
            {
                return true;
            }
        }

        return false;
    }
}
