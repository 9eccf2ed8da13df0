namespace Dstack.UrlGen.Api;

/// <summary>
/// Where a client's server URL, token and project came from, as error messages name them when one needs fixing:
/// <c>DSTACK_TOKEN</c> for a client from the environment, <c>--token</c> for an application that took it from
/// its command line. A message never sends the user to a variable or file the application did not read.
/// </summary>
internal sealed class SettingsSources
{
    private const string DefaultServerUrl = "DSTACK_SERVER_URL or the project's url in ~/.dstack/config.yml";
    private const string DefaultToken = "DSTACK_TOKEN or the project's token in ~/.dstack/config.yml";
    private const string DefaultProjectSource = "the project argument, DSTACK_PROJECT or [DstackModel(Project = …)]";
    private const string OtherProject = "the project argument or [DstackModel(Project = …)]";

    private readonly string _clientProject;

    private SettingsSources(string serverUrl, string token, string project, string clientProject)
    {
        ServerUrl = serverUrl;
        Token = token;
        Project = project;
        _clientProject = clientProject;
    }

    /// <summary>Where the server URL came from, such as <c>DSTACK_SERVER_URL</c> or <c>--server</c>.</summary>
    public string ServerUrl { get; }

    /// <summary>Where the token came from, such as <c>DSTACK_TOKEN</c> or <c>--token</c>.</summary>
    public string Token { get; }

    /// <summary>Where the client's default project came from, such as <c>DSTACK_PROJECT</c> or <c>--project</c>.</summary>
    public string Project { get; }

    /// <summary>The options' sources, each falling back to the places dstack's own tools read.</summary>
    /// <param name="options">The client's options.</param>
    /// <param name="clientProject">The client's default project, the one <see cref="DstackClientOptions.ProjectSource"/> describes.</param>
    public static SettingsSources From(DstackClientOptions options, string clientProject)
        => new(
            options.ServerUrlSource ?? DefaultServerUrl,
            options.TokenSource ?? DefaultToken,
            options.ProjectSource ?? DefaultProjectSource,
            clientProject);

    /// <summary>Where <paramref name="project"/> came from: the client's source for its own project, else a call's argument or a declaration.</summary>
    public string ProjectOf(string project)
        => string.Equals(project, _clientProject, StringComparison.Ordinal) ? Project : OtherProject;
}
