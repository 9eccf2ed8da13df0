using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Operations;

/// <summary>
/// The types the analyzers and the code fixes compare against, by name (see <see cref="KnownType"/>). Immutable, so one
/// set serves every compilation; a type the compilation does not reference matches nothing.
/// </summary>
internal static class KnownTypes
{
    public static readonly KnownType DstackBaseUrlAttribute = new("Dstack.UrlGen.DstackBaseUrlAttribute");
    public static readonly KnownType DstackModelAttribute = new("Dstack.UrlGen.DstackModelAttribute");
    public static readonly KnownType DstackUrl = new("Dstack.UrlGen.DstackUrl");
    public static readonly KnownType JsonPropertyNameAttribute = new("System.Text.Json.Serialization.JsonPropertyNameAttribute");
    public static readonly KnownType NewtonsoftJsonPropertyAttribute = new("Newtonsoft.Json.JsonPropertyAttribute");
    public static readonly KnownType DataMemberAttribute = new("System.Runtime.Serialization.DataMemberAttribute");
    public static readonly KnownType JsonElement = new("System.Text.Json.JsonElement");
    public static readonly KnownType JsonNode = new("System.Text.Json.Nodes.JsonNode");
    public static readonly KnownType JToken = new("Newtonsoft.Json.Linq.JToken");
    public static readonly KnownType NewtonsoftLinqExtensions = new("Newtonsoft.Json.Linq.Extensions");
    public static readonly KnownType Uri = new("System.Uri");
    public static readonly KnownType UriKind = new("System.UriKind");
    public static readonly KnownType HttpClient = new("System.Net.Http.HttpClient");
    public static readonly KnownType HttpClientJsonExtensions = new("System.Net.Http.Json.HttpClientJsonExtensions");
    public static readonly KnownType HttpRequestMessage = new("System.Net.Http.HttpRequestMessage");
    public static readonly KnownType StringBuilder = new("System.Text.StringBuilder");
    public static readonly KnownType Path = new("System.IO.Path");
    public static readonly KnownType Environment = new("System.Environment");
    public static readonly KnownType CultureInfo = new("System.Globalization.CultureInfo");
    public static readonly KnownType FormattableString = new("System.FormattableString");

    public static bool IsString(ITypeSymbol? type) => type?.SpecialType == SpecialType.System_String;

    /// <summary>True for JsonElement, JsonNode and its subclasses, JToken and its subclasses.</summary>
    public static bool IsJsonValueType(ITypeSymbol? type)
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
