using System;
using System.Collections.Generic;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>The JSON key a property or field is mapped to by System.Text.Json, Newtonsoft.Json or a DataContract.</summary>
internal static class JsonNames
{
    public const string BaseUrl = "base_url";
    public const string Model = "model";
    public const string Service = "service";

    /// <summary>
    /// The key an attribute gives <paramref name="member"/>: <c>[JsonPropertyName("k")]</c>, <c>[JsonProperty("k")]</c>,
    /// <c>[JsonProperty(PropertyName = "k")]</c>, <c>[DataMember(Name = "k")]</c>; null when no attribute names one.
    /// </summary>
    public static string? AttributeKey(ISymbol member)
    {
        foreach (AttributeData attribute in member.GetAttributes())
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            if (type is null)
            {
                continue;
            }

            bool newtonsoft = KnownTypes.NewtonsoftJsonPropertyAttribute.Matches(type);
            if ((newtonsoft || KnownTypes.JsonPropertyNameAttribute.Matches(type))
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key)
            {
                return key;
            }

            bool contract = !newtonsoft && KnownTypes.DataMemberAttribute.Matches(type);
            if (newtonsoft || contract)
            {
                string nameArgument = contract ? "Name" : "PropertyName";
                foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                {
                    if (named.Key == nameArgument && named.Value.Value is string namedKey)
                    {
                        return namedKey;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="member"/> is read from JSON key <paramref name="key"/>: by its attribute, or, without one,
    /// by its own name as the serializers' naming policies map it (<c>Model</c>, <c>model</c> → "model").
    /// </summary>
    public static bool IsMappedTo(ISymbol member, string key)
        => AttributeKey(member) is { } attributeKey
            ? string.Equals(attributeKey, key, StringComparison.Ordinal)
            : string.Equals(member.Name.TrimStart('_'), key, StringComparison.OrdinalIgnoreCase);
}
