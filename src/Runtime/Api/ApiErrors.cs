using System.Net;

namespace Dstack.UrlGen.Api;

/// <summary>
/// Turns a failed dstack request into the exception of the <see cref="DstackException"/> hierarchy that says
/// what went wrong and what to fix. Messages name the server, the project and the run; never the token.
/// </summary>
internal static class ApiErrors
{
    private const string TokenSources = "DSTACK_TOKEN or the project's token in ~/.dstack/config.yml";
    private const string ServerSources = "DSTACK_SERVER_URL or the project's url in ~/.dstack/config.yml";

    public static DstackException FromStatus(Uri server, ApiTarget target, HttpStatusCode statusCode, string? reason, ServerErrorBody body)
    {
        int status = (int)statusCode;
        string answered = Answered(status, reason, body.Message);
        string s = server.OriginalString;
        switch (status)
        {
            case 401:
            case 403:
                return new DstackAuthenticationException(
                    $"The dstack server {s} refused the token when asked for {target} ({answered}). "
                    + $"Set {TokenSources} to the token of a user who is a member of project '{target.Project}' (dstack UI: User settings).",
                    status, body.Message, server, target.Project);
            case 404:
            case 400 when body.Code == ServerErrorBody.ResourceNotExists:
                return new DstackNotFoundException(NotFoundMessage(s, target, answered), Array.Empty<string>(), server, target.Project);
            case >= 500:
                return new DstackApiException(
                    $"The dstack server {s} failed when asked for {target} ({answered}). Check the server's log, or retry later.",
                    status, body.Message, server, target.Project);
            default:
                return new DstackApiException(
                    $"The dstack server {s} answered an unexpected status when asked for {target} ({answered}). "
                    + $"Check that {ServerSources} is the dstack server, with its path prefix if it has one.",
                    status, body.Message, server, target.Project);
        }
    }

    public static DstackApiException Malformed(Uri server, ApiTarget target, int status, string problem, Exception? inner)
        => new(
            $"The dstack server {server.OriginalString} sent a response for {target} that is not the JSON a dstack server sends ({problem}). "
            + $"Check that {ServerSources} is the dstack server, with its path prefix if it has one.",
            status, null, server, target.Project, inner);

    public static DstackApiException Timeout(Uri server, ApiTarget target, TimeSpan timeout, Exception inner)
        => new(
            $"The dstack server {server.OriginalString} did not answer within {timeout.TotalSeconds:0.###} s when asked for {target}. "
            + $"Check that the server is up and reachable from here ({ServerSources}), or raise DstackClientOptions.Timeout.",
            0, null, server, target.Project, inner);

    public static DstackApiException Unreachable(Uri server, ApiTarget target, Exception inner)
        => new(
            $"Could not reach the dstack server {server.OriginalString} when asking for {target} ({inner.Message}). "
            + $"Check that the server is running and that {ServerSources} points at it.",
            0, null, server, target.Project, inner);

    public static DstackApiException InvalidBaseUrl(Uri server, string project, string run, string modelName, DstackUrlException inner)
        => new(
            $"The dstack server {server.OriginalString} reported a base_url for model '{modelName}' (run '{run}' of project '{project}') that is refused: {inner.Message}",
            200, null, server, project, inner);

    private static string NotFoundMessage(string server, ApiTarget target, string answered)
        => target.Run is null
            ? $"The dstack server {server} has no project '{target.Project}' ({answered}). "
                + "Check the project name (the project argument, DSTACK_PROJECT or [DstackModel(Project = …)]) with `dstack project list`, "
                + $"and that {ServerSources} includes the server's path prefix if it has one."
            : $"The dstack server {server} has no run '{target.Run}' in project '{target.Project}' ({answered}). "
                + "Check the run name with `dstack ps`, or start the service with `dstack apply`.";

    private static string Answered(int status, string? reason, string? serverMessage)
    {
        string head = string.IsNullOrEmpty(reason) ? $"HTTP {status}" : $"HTTP {status} {reason}";
        return serverMessage is null ? head : $"{head}: {serverMessage}";
    }
}
