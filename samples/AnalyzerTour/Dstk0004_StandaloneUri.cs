using Dstack.UrlGen;

namespace AnalyzerTour;

/// <summary>DSTK0004: a base_url parsed as a URI on its own.</summary>
public static class Dstk0004StandaloneUri
{
    // Look at: on Linux and macOS this is TRUE for "/proxy/models/main/" (it parses as file:///proxy/models/main/),
    // so every proxy path passes for a gateway URL. The fix: DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway.
    public static bool IsGateway(ServiceModel model)
        => Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _);

    // Look at: a file:// URI on Linux, UriFormatException on Windows. Use DstackUrl.Resolve(serverUrl, …) instead.
    public static Uri Parse(DstackModelEndpoint endpoint)
        => new Uri(endpoint.BaseUrl);
}
