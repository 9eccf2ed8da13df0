using Dstack.UrlGen;

namespace AnalyzerTour;

/// <summary>DSTK0001: a base_url joined to the server URL with string operations.</summary>
public static class Dstk0001JoinedByHand
{
    // Look at: the whole `serverUrl + model.BaseUrl` is underlined. The light bulb offers "Use DstackUrl.Resolve",
    // which turns it into DstackUrl.Resolve(serverUrl, model.BaseUrl).AbsoluteUri.
    public static string ModelUrl(string serverUrl, ServiceModel model)
        => serverUrl + model.BaseUrl;

    // Look at: an appended "/chat/completions" makes the fix wrap the call in DstackUrl.ChatCompletions(…).
    public static string ChatUrl(string serverUrl, DstackModelEndpoint endpoint)
        => $"{serverUrl}/{endpoint.BaseUrl}/chat/completions";

    // Look at: no warning here. Text with a space next to the base_url is a message, not a URL.
    public static string Describe(ServiceModel model)
        => "Model served at " + model.BaseUrl;
}
