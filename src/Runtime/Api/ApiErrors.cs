using System.Net;

namespace Dstack.UrlGen.Api;

/// <summary>
/// Turns a failed dstack request into the exception of the <see cref="DstackException"/> hierarchy that says
/// what went wrong and what to fix. Messages name the server, the project and the run, and send the user to the
/// place the setting came from (<see cref="SettingsSources"/>); never the token, never raw JSON.
/// </summary>
internal static class ApiErrors
{
    public static DstackException FromStatus(Uri server, ApiTarget target, HttpStatusCode statusCode, string? reason, ServerErrorBody body, SettingsSources sources)
    {
        int status = (int)statusCode;
        string answered = Answered(status, reason, body.Message);
        string s = server.OriginalString;
        switch (status)
        {
            case 401:
            case 403:
                return new DstackAuthenticationException(
                    $"The dstack server {s} refused access to {target} ({answered}). "
                    + $"Check {sources.Token}: it must be the token of a user who is a member of project '{target.Project}' (dstack UI: User settings).",
                    status, body.Message, server, target.Project);

            // dstack 0.21.2 answers 404 for a project that does not exist, also on runs/get; a server URL without
            // its path prefix gets a 404 too, so the message names both.
            case 404:
                return ProjectNotFound(server, target.Project, answered, sources);
            case 400 when body.Code == ServerErrorBody.ResourceNotExists:
                return target.Run is null
                    ? ProjectNotFound(server, target.Project, answered, sources)
                    : new DstackNotFoundException(
                        $"The dstack server {s} has no run '{target.Run}' in project '{target.Project}' ({answered}). "
                        + "Check the run name with `dstack ps`, or start the service with `dstack apply`.",
                        Array.Empty<string>(), server, target.Project) { Missing = DstackMissing.Run };
            case >= 500:
                return new DstackApiException(
                    $"The dstack server {s} failed when asked for {target} ({answered}). Check the server's log, or retry later.",
                    status, body.Message, server, target.Project);
            default:
                return new DstackApiException(
                    $"The dstack server {s} answered an unexpected status when asked for {target} ({answered}). "
                    + $"Check that {sources.ServerUrl} is the dstack server's URL, with its path prefix if it has one.",
                    status, body.Message, server, target.Project);
        }
    }

    public static DstackApiException Malformed(Uri server, ApiTarget target, int status, string problem, Exception? inner, SettingsSources sources)
        => new(
            $"The dstack server {server.OriginalString} sent a response for {target} that is not the JSON a dstack server sends ({problem}). "
            + $"Check that {sources.ServerUrl} is the dstack server's URL, with its path prefix if it has one.",
            status, null, server, target.Project, inner);

    public static DstackApiException Timeout(Uri server, ApiTarget target, TimeSpan timeout, Exception inner, SettingsSources sources)
        => new(
            $"The dstack server {server.OriginalString} did not answer within {timeout.TotalSeconds:0.###} s when asked for {target}. "
            + $"Check that the server is up and reachable from here ({sources.ServerUrl}), or raise DstackClientOptions.Timeout.",
            0, null, server, target.Project, inner);

    public static DstackApiException Unreachable(Uri server, ApiTarget target, Exception inner, SettingsSources sources)
        => new(
            $"Could not reach the dstack server {server.OriginalString} when asking for {target} ({inner.Message}). "
            + $"Check that the server is running and that {sources.ServerUrl} points at it.",
            0, null, server, target.Project, inner);

    public static DstackApiException InvalidBaseUrl(Uri server, string project, string run, string modelName, DstackUrlException inner)
        => new(
            $"The dstack server {server.OriginalString} reported a base_url for model '{modelName}' (run '{run}' of project '{project}') that is refused: {inner.Message}",
            200, null, server, project, inner);

    private static DstackNotFoundException ProjectNotFound(Uri server, string project, string answered, SettingsSources sources)
        => new(
            $"The dstack server {server.OriginalString} has no project '{project}' ({answered}). "
            + $"Check the project name ({sources.ProjectOf(project)}) with `dstack project list`, "
            + $"and that {sources.ServerUrl} includes the server's path prefix if it has one.",
            Array.Empty<string>(), server, project) { Missing = DstackMissing.Project };

    private static string Answered(int status, string? reason, string? serverMessage)
    {
        string head = string.IsNullOrEmpty(reason) ? $"HTTP {status}" : $"HTTP {status} {reason}";
        return serverMessage is null ? head : $"{head}: {serverMessage}";
    }
}
