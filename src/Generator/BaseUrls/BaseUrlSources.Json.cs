using System;
using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.BaseUrls;

/// <summary>JSON reads by the key <c>"base_url"</c>: <c>JsonElement</c>, <c>JsonNode</c>, Newtonsoft <c>JToken</c> (docs/analyzers.md, "What is a base_url").</summary>
internal sealed partial class BaseUrlSources
{
    private bool IsJson(IOperation value, ref Walk walk)
    {
        if (!walk.Enter())
        {
            return false;
        }

        try
        {
            return IsJsonCore(value, ref walk);
        }
        finally
        {
            walk.Leave();
        }
    }

    private bool IsJsonCore(IOperation value, ref Walk walk)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return !conversion.Conversion.IsUserDefined && IsJson(conversion.Operand, ref walk);

            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer:
                // node["base_url"], token["base_url"], obj?["base_url"]
                return indexer.Arguments.Length == 1 && KnownTypes.IsJsonValueType(indexer.Property.ContainingType) && IsKey(indexer.Arguments[0].Value);

            case IInvocationOperation invocation when invocation.Instance is { } instance && KnownTypes.IsJsonValueType(instance.Type):
                return invocation.TargetMethod.Name switch
                {
                    "GetProperty" => invocation.Arguments.Length >= 1 && IsKey(invocation.Arguments[0].Value),
                    "SelectToken" => invocation.Arguments.Length >= 1 && invocation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string path } && PathEndsWithKey(path),
                    "AsValue" => IsJson(instance, ref walk),
                    _ => false,
                };

            case ILocalReferenceOperation local:
                return KnownTypes.IsJsonValueType(local.Type) && IsLocal(local, ref walk, LocalKind.Json);

            case IConditionalAccessOperation conditional:
                return IsJson(conditional.WhenNotNull, ref walk);

            case IConditionalAccessInstanceOperation instance:
                return instance.ConditionalReceiver() is { } receiver && IsJson(receiver, ref walk);

            default:
                return false;
        }
    }

    private static bool IsKey(IOperation key) => key.SkipConversions().ConstantValue is { HasValue: true, Value: JsonKey };

    /// <summary>"service.model.base_url", "$.service.model.base_url", "$['base_url']", "base_url".</summary>
    private static bool PathEndsWithKey(string path)
    {
        path = path.Trim();
        if (path.EndsWith("['" + JsonKey + "']", StringComparison.Ordinal) || path.EndsWith("[\"" + JsonKey + "\"]", StringComparison.Ordinal))
        {
            return true;
        }

        return path.EndsWith(JsonKey, StringComparison.Ordinal)
               && (path.Length == JsonKey.Length || path[path.Length - JsonKey.Length - 1] == '.');
    }
}
