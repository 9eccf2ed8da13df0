namespace Dstack.UrlGen.Hosting;

/// <summary>
/// The server, token and project the <see cref="DstackClient"/> uses: from <see cref="DstackOptions"/> when its
/// server URL and token are set, else from the dstack CLI's settings through the runtime's own loader (the one
/// <see cref="DstackClient.FromEnvironment(string?)"/> uses). Every failure is a message naming the setting.
/// </summary>
internal static class DstackConnection
{
    /// <summary>The server, token and project (with where each came from), or null with <paramref name="error"/> naming what to fix.</summary>
    public static DstackSettings? TryResolve(DstackOptions options, DstackEnvironment environment, out string? error)
    {
        error = null;
        string serverKey = DstackOptionsSetup.Key(nameof(DstackOptions.ServerUrl));
        string tokenKey = DstackOptionsSetup.Key(nameof(DstackOptions.Token));
        string projectKey = DstackOptionsSetup.Key(nameof(DstackOptions.Project));
        string? serverUrl = Blank(options.ServerUrl);
        string? token = Blank(options.Token);
        string? project = Blank(options.Project);

        if (project is not null && !DstackNames.IsValidProject(project))
        {
            error = $"{projectKey} is invalid: {DstackNames.ProjectMessage(project)}";
            return null;
        }

        if (serverUrl is null && token is null)
        {
            try
            {
                var settings = DstackConfiguration.Load(project, environment.GetVariable, environment.HomeDirectory);
                // A project from the section is not "the project passed to DstackClient.FromEnvironment".
                return new DstackSettings(settings.ServerUrl, settings.Token, settings.Project, settings.Source,
                    settings.ServerUrlSource, settings.TokenSource, project is null ? settings.ProjectSource : projectKey);
            }
            catch (DstackConfigurationException ex)
            {
                error = $"{serverKey} and {tokenKey} are not set, so the dstack CLI's settings were read, and they are not usable: {ex.Message} "
                    + $"Or set {serverKey}, {tokenKey} and {projectKey} (environment variables Dstack__ServerUrl, Dstack__Token, Dstack__Project).";
                return null;
            }
        }

        if (serverUrl is null || token is null)
        {
            string missing = serverUrl is null ? serverKey : tokenKey;
            string present = serverUrl is null ? tokenKey : serverKey;
            error = $"{present} is set but {missing} is not. Set both (the token in user secrets or the environment variable Dstack__Token), "
                + "or neither to use DSTACK_SERVER_URL and DSTACK_TOKEN or ~/.dstack/config.yml as the dstack CLI does.";
            return null;
        }

        if (!Uri.TryCreate(serverUrl, UriKind.Absolute, out var url))
        {
            error = $"{serverKey} \"{serverUrl}\" is not an absolute URL. Set it to the dstack server's URL, such as http://127.0.0.1:3000 or https://dstack.example.com.";
            return null;
        }

        try
        {
            DstackUrl.Resolve(url, "/api");
        }
        catch (DstackUrlException ex)
        {
            error = $"{serverKey} is not a usable dstack server URL: {ex.Message}";
            return null;
        }

        if (token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            // The token itself is never quoted.
            error = $"{tokenKey} contains white space or a control character; a dstack token has none. Copy it again from the dstack UI (User settings).";
            return null;
        }

        string? projectVariable = Blank(environment.GetVariable(DstackConfiguration.ProjectVariable));
        if (project is null && projectVariable is not null && !DstackNames.IsValidProject(projectVariable))
        {
            error = $"{projectKey} is not set and {DstackConfiguration.ProjectVariable} is invalid: {DstackNames.ProjectMessage(projectVariable)}";
            return null;
        }

        string projectSource = project is null ? DstackConfiguration.ProjectVariable : projectKey;
        project ??= projectVariable;
        if (project is null)
        {
            error = $"{serverKey} and {tokenKey} are set but no project is: set {projectKey} (or {DstackConfiguration.ProjectVariable}).";
            return null;
        }

        return new DstackSettings(url, token, project, $"configuration section '{DstackOptions.SectionName}'", serverKey, tokenKey, projectSource);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
