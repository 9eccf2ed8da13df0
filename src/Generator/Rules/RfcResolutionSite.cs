using Dstack.UrlGen.Generator.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Dstack.UrlGen.Generator.Rules;

/// <summary>
/// Calls that resolve a URI reference against a base as RFC 3986 does: <c>new Uri(Uri, string|Uri)</c>,
/// <c>Uri.TryCreate(Uri, string|Uri, out Uri)</c>, and HttpClient requests (and <c>new HttpRequestMessage(method, uri)</c>),
/// whose request URI is resolved against <c>BaseAddress</c>.
/// </summary>
internal readonly struct RfcResolutionSite
{
    public RfcResolutionSite(IArgumentOperation relative, IArgumentOperation? baseUri, bool isRequest)
    {
        Relative = relative;
        BaseUri = baseUri;
        IsRequest = isRequest;
    }

    /// <summary>The reference that is resolved (a string or a Uri).</summary>
    public IArgumentOperation Relative { get; }

    /// <summary>The base Uri argument; null for HttpClient requests, which use BaseAddress.</summary>
    public IArgumentOperation? BaseUri { get; }

    /// <summary>True for an HttpClient request or HttpRequestMessage.</summary>
    public bool IsRequest { get; }

    /// <summary>Recognises <paramref name="operation"/> (an object creation or invocation) as a resolution site.</summary>
    public static bool TryGet(IOperation operation, out RfcResolutionSite site)
    {
        site = default;
        switch (operation)
        {
            case IObjectCreationOperation creation when KnownTypes.Uri.Matches(creation.Type):
                return TryBaseAndRelative(creation.Constructor, creation.Arguments, out site);

            case IObjectCreationOperation creation when KnownTypes.HttpRequestMessage.Matches(creation.Type):
                return TryRequest(creation.Arguments, out site);

            case IInvocationOperation invocation:
                IMethodSymbol method = invocation.TargetMethod;
                if (method.Name == "TryCreate" && method.IsStatic && KnownTypes.Uri.Matches(method.ContainingType))
                {
                    return TryBaseAndRelative(method, invocation.Arguments, out site);
                }

                if (KnownTypes.HttpClient.Matches(method.ContainingType) || KnownTypes.HttpClientJsonExtensions.Matches(method.ContainingType))
                {
                    return TryRequest(invocation.Arguments, out site);
                }

                return false;

            default:
                return false;
        }
    }

    private static bool TryBaseAndRelative(IMethodSymbol? method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, out RfcResolutionSite site)
    {
        site = default;
        if (method is not { Parameters.Length: >= 2 } || !KnownTypes.Uri.Matches(method.Parameters[0].Type))
        {
            return false;
        }

        IArgumentOperation? baseUri = null;
        IArgumentOperation? relative = null;
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                baseUri = argument;
            }
            else if (argument.Parameter?.Ordinal == 1)
            {
                relative = argument;
            }
        }

        if (baseUri is null || relative is null)
        {
            return false;
        }

        site = new RfcResolutionSite(relative, baseUri, isRequest: false);
        return true;
    }

    private static bool TryRequest(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, out RfcResolutionSite site)
    {
        foreach (IArgumentOperation argument in arguments)
        {
            if (argument.Parameter?.Name == "requestUri")
            {
                site = new RfcResolutionSite(argument, null, isRequest: true);
                return true;
            }
        }

        site = default;
        return false;
    }
}
