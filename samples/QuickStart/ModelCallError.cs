using Dstack.UrlGen;

namespace QuickStart;

/// <summary>
/// One sentence for a model call that failed: which model, which URL, what status, and what to do. The OpenAI
/// SDK's own message ("Service request failed. Status: 404 (Not Found)") names none of the dstack side.
/// </summary>
internal static class ModelCallError
{
    public static string Describe(DstackModelEndpoint endpoint, int status, string tokenSource)
    {
        string what = $"The call to model \"{endpoint.ModelName}\" at {endpoint.ChatCompletionsUrl}";
        string run = endpoint.RunName is null ? "its run" : $"run '{endpoint.RunName}'";
        string logs = endpoint.RunName is null ? "`dstack ps`" : $"`dstack logs {endpoint.RunName}`";
        return status switch
        {
            0 => $"{what} got no answer: check that this machine can reach {endpoint.Url.GetLeftPart(UriPartial.Authority)} and run again.",
            401 or 403 => $"{what} was refused (HTTP {status}): dstack's proxy takes the token of a member of project '{endpoint.Project}', so check {tokenSource}.",
            404 when endpoint.Kind == DstackUrlKind.Server
                => $"{what} answered HTTP 404: dstack's proxy has no running replica of {run} to send it to, so wait until `dstack ps` shows the replica running (or look at {logs}) and run again.",
            502 or 503 or 504 => $"{what} answered HTTP {status}: the replica of {run} did not answer, so look at {logs} and run again.",
            _ => $"{what} answered HTTP {status}: look at {logs}, and check that the service serves an OpenAI-compatible API at that URL.",
        };
    }
}
