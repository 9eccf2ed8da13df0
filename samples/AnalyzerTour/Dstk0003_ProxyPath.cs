namespace AnalyzerTour;

/// <summary>DSTK0003: a dstack proxy path assembled from names instead of asking the server for base_url.</summary>
public static class Dstk0003ProxyPath
{
    // Look at: this works until the service gets a gateway (its base_url becomes https://…). Declare the model with
    // [DstackModel] (see Models.cs) and use the generated GetEndpointAsync. There is no automatic fix.
    public static string ServiceUrl(string serverUrl, string project, string run)
        => serverUrl + "/proxy/services/" + project + "/" + run + "/v1";
}
