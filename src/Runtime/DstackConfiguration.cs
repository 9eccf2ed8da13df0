namespace Dstack.UrlGen;

/// <summary>
/// Finds the dstack server, token and project as the dstack CLI does: <c>DSTACK_SERVER_URL</c> and
/// <c>DSTACK_TOKEN</c> when both are set (with the given project or <c>DSTACK_PROJECT</c>); otherwise
/// <c>~/.dstack/config.yml</c>: the given project, else <c>DSTACK_PROJECT</c>, else the one marked
/// <c>default: true</c>, with <c>DSTACK_TOKEN</c>, if set, instead of the file's token.
/// Every failure is a <see cref="DstackConfigurationException"/> that names the variable or file to fix.
/// </summary>
internal static class DstackConfiguration
{
    public const string ServerUrlVariable = "DSTACK_SERVER_URL";
    public const string TokenVariable = "DSTACK_TOKEN";
    public const string ProjectVariable = "DSTACK_PROJECT";

    private const string ProjectArgument = "the project passed to DstackClient.FromEnvironment";
    private const string AddProject = "`dstack project add --name <project> --url <server> --token <token>`";

    /// <param name="project">The project asked for, or null.</param>
    /// <param name="getVariable">Reads an environment variable (tests pass their own).</param>
    /// <param name="homeDirectory">The user's home directory, which holds <c>.dstack/config.yml</c>.</param>
    public static DstackSettings Load(string? project, Func<string, string?> getVariable, string? homeDirectory)
    {
        if (getVariable is null)
        {
            throw new ArgumentNullException(nameof(getVariable));
        }

        if (project is not null)
        {
            DstackNames.ValidateProject(project, nameof(project));
        }

        string? serverUrl = Variable(getVariable, ServerUrlVariable);
        string? token = Variable(getVariable, TokenVariable);
        string? projectVariable = Variable(getVariable, ProjectVariable);
        if (projectVariable is not null && project is null && !DstackNames.IsValidProject(projectVariable))
        {
            throw new DstackConfigurationException($"{ProjectVariable} is invalid: {DstackNames.ProjectMessage(projectVariable)}");
        }

        return serverUrl is not null && token is not null
            ? FromVariables(serverUrl, token, project ?? projectVariable, project is not null ? ProjectArgument : ProjectVariable)
            : FromFile(project, projectVariable, token, serverUrl is not null, homeDirectory);
    }

    private static DstackSettings FromVariables(string serverUrl, string token, string? project, string projectSource)
    {
        if (project is null)
        {
            throw new DstackConfigurationException(
                $"{ServerUrlVariable} and {TokenVariable} are set but no project is: set {ProjectVariable}, or pass the project to DstackClient.FromEnvironment.");
        }

        var url = ParseServerUrl(serverUrl, ServerUrlVariable);
        CheckToken(token, TokenVariable);
        return new DstackSettings(url, token, project, $"{ServerUrlVariable} and {TokenVariable}", ServerUrlVariable, TokenVariable, projectSource);
    }

    private static DstackSettings FromFile(string? project, string? projectVariable, string? tokenVariable, bool serverUrlSet, string? homeDirectory)
    {
        if (string.IsNullOrEmpty(homeDirectory))
        {
            throw new DstackConfigurationException(serverUrlSet
                ? $"{ServerUrlVariable} is set but {TokenVariable} is not, and without both the token comes from ~/.dstack/config.yml, "
                    + $"which cannot be found because the home directory (HOME) is unknown: set {TokenVariable} (and {ProjectVariable}) too."
                : $"The home directory (HOME) is unknown, so ~/.dstack/config.yml cannot be found: "
                    + $"set HOME, or set {ServerUrlVariable}, {TokenVariable} and {ProjectVariable}.");
        }

        string path = Path.Combine(homeDirectory, ".dstack", "config.yml");
        if (!File.Exists(path))
        {
            throw new DstackConfigurationException(serverUrlSet
                ? $"{ServerUrlVariable} is set but {TokenVariable} is not, and without both the token comes from {path}, which does not exist: "
                    + $"set {TokenVariable} to your dstack token (dstack UI: User settings) and {ProjectVariable} to the project, or run {AddProject}."
                : $"No dstack configuration was found: {ServerUrlVariable} and {TokenVariable} are not both set, and {path} does not exist; "
                    + $"run {AddProject}, or set {ServerUrlVariable}, {TokenVariable} and {ProjectVariable}.");
        }

        var file = DstackConfigFile.Read(path);
        var entry = Select(file, project, projectVariable);
        string name = entry.Name!;
        if (!DstackNames.IsValidProject(name))
        {
            throw DstackConfigFile.Invalid(path, $"names {entry} {DstackNames.Quote(name)}, which is not a valid dstack project name ({DstackNames.ProjectRule})");
        }

        if (string.IsNullOrWhiteSpace(entry.Url))
        {
            throw DstackConfigFile.Invalid(path, $"has no url for {entry}");
        }

        var url = ParseServerUrl(entry.Url!.Trim(), $"the url of {entry} in {path}");
        string token;
        string source;
        string tokenSource;
        if (tokenVariable is not null)
        {
            CheckToken(tokenVariable, TokenVariable);
            token = tokenVariable;
            source = $"{path} with {TokenVariable}";
            tokenSource = $"{TokenVariable} (which replaces the token of {entry} in {path})";
        }
        else
        {
            if (string.IsNullOrWhiteSpace(entry.Token))
            {
                throw DstackConfigFile.Invalid(path, $"has no token for {entry} (or set {TokenVariable})");
            }

            token = entry.Token!.Trim();
            CheckToken(token, $"the token of {entry} in {path}");
            source = path;
            tokenSource = $"the token of {entry} in {path}";
        }

        string projectSource = project is not null ? ProjectArgument
            : projectVariable is not null ? ProjectVariable
            : $"the default project in {path}";
        return new DstackSettings(url, token, name, source, $"the url of {entry} in {path}", tokenSource, projectSource);
    }

    private static DstackConfigFile.Entry Select(DstackConfigFile file, string? project, string? projectVariable)
    {
        if (project is not null)
        {
            return Find(file, project) ?? throw new DstackConfigurationException(
                $"Project '{project}' is not in {file.Path} (it has {file.Names()}). Add it with {AddProject}, or pass one of those.");
        }

        if (projectVariable is not null)
        {
            return Find(file, projectVariable) ?? throw new DstackConfigurationException(
                $"{ProjectVariable} names project '{projectVariable}', which is not in {file.Path} (it has {file.Names()}). "
                + $"Set {ProjectVariable} to one of those, or add it with {AddProject}.");
        }

        return file.Projects.FirstOrDefault(p => p.IsDefault && p.Name is not null) ?? throw new DstackConfigurationException(
            $"No project was given, {ProjectVariable} is not set, and no project in {file.Path} has `default: true` (it has {file.Names()}). "
            + $"Pass a project to DstackClient.FromEnvironment, set {ProjectVariable}, or run `dstack project set-default <project>`.");
    }

    private static DstackConfigFile.Entry? Find(DstackConfigFile file, string name)
        => file.Projects.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    private static Uri ParseServerUrl(string value, string what)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url))
        {
            throw new DstackConfigurationException($"{what} is not an absolute URL. Set it to the dstack server's URL, such as http://127.0.0.1:3000 or https://dstack.example.com.");
        }

        try
        {
            DstackUrl.Resolve(url, "/api");
        }
        catch (DstackUrlException ex)
        {
            throw new DstackConfigurationException($"{what} is not a usable dstack server URL: {ex.Message}", ex);
        }

        return url;
    }

    private static void CheckToken(string token, string what)
    {
        foreach (char c in token)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                // The token itself is never quoted.
                throw new DstackConfigurationException($"{what} contains white space or a control character; a dstack token has none. Copy it again from the dstack UI (User settings).");
            }
        }
    }

    /// <summary>An unset or blank variable counts as unset, as in the dstack CLI (an empty string is falsy in Python).</summary>
    private static string? Variable(Func<string, string?> getVariable, string name)
    {
        string? value = getVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
