using Dstack.UrlGen;

namespace AnalyzerTour;

/// <summary>DSTK0002: a base_url resolved by RFC 3986 rules, which drop the server's path prefix.</summary>
public static class Dstk0002RfcResolution
{
    // Look at: new Uri(server, "/proxy/models/main") is https://dstack.example.com/proxy/models/main even when the
    // server is https://dstack.example.com/some/prefix. The fix: DstackUrl.Resolve(serverUri, model.BaseUrl).
    public static Uri ModelUrl(Uri serverUri, ServiceModel model)
        => new Uri(serverUri, model.BaseUrl);

    // Look at: the fix turns this into DstackUrl.TryResolve(serverUri, endpoint.BaseUrl, out var url, out _).
    public static Uri? TryModelUrl(Uri serverUri, DstackModelEndpoint endpoint)
        => Uri.TryCreate(serverUri, endpoint.BaseUrl, out var url) ? url : null;

    // Look at: an HttpClient resolves a relative request URI against BaseAddress the same way. No automatic fix:
    // resolve the URL with DstackUrl.Resolve and pass it.
    public static Task<HttpResponseMessage> Ping(HttpClient http, ServiceModel model)
        => http.GetAsync(model.BaseUrl);
}
