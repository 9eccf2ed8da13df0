namespace Dstack.UrlGen;

public sealed partial class DstackClient
{
    /// <summary>
    /// Creates a client configured as the dstack CLI is. When <c>DSTACK_SERVER_URL</c> and <c>DSTACK_TOKEN</c> are
    /// both set, they are used with <paramref name="project"/> or <c>DSTACK_PROJECT</c>. Otherwise
    /// <c>~/.dstack/config.yml</c> is read (its <c>projects:</c> list of <c>name</c>, <c>url</c>, <c>token</c>,
    /// <c>default</c>): the project named <paramref name="project"/>, else <c>DSTACK_PROJECT</c>, else the one with
    /// <c>default: true</c>; <c>DSTACK_TOKEN</c>, if set, replaces the file's token.
    /// </summary>
    /// <param name="project">The project to use; null for <c>DSTACK_PROJECT</c> or the file's default project.</param>
    /// <returns>A client that owns its <see cref="HttpClient"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="project"/> breaks dstack's project name rule.</exception>
    /// <exception cref="DstackConfigurationException">The configuration is missing or invalid; the message names the variable or file to fix.</exception>
    public static DstackClient FromEnvironment(string? project = null)
        => FromEnvironment(project, null);

    /// <summary>Creates a client configured as the dstack CLI is (see <see cref="FromEnvironment(string?)"/>), with options.</summary>
    /// <param name="project">The project to use; null for <c>DSTACK_PROJECT</c> or the file's default project.</param>
    /// <param name="options">Cache lifetime, timeout and URL options; null for <see cref="DstackClientOptions.Default"/>.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to send requests with; null to create one.</param>
    /// <returns>The client.</returns>
    /// <exception cref="ArgumentException"><paramref name="project"/> breaks dstack's project name rule.</exception>
    /// <exception cref="DstackConfigurationException">The configuration is missing or invalid; the message names the variable or file to fix.</exception>
    public static DstackClient FromEnvironment(string? project, DstackClientOptions? options, HttpClient? httpClient = null)
        => FromEnvironment(project, options, httpClient, Environment.GetEnvironmentVariable, Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The same, with the environment and the home directory given (tests use a temporary home).</summary>
    internal static DstackClient FromEnvironment(string? project, DstackClientOptions? options, HttpClient? httpClient, Func<string, string?> getVariable, string? homeDirectory)
    {
        var settings = DstackConfiguration.Load(project, getVariable, homeDirectory);
        // Error messages then send the user to the variable or file entry that gave each setting.
        options = (options ?? DstackClientOptions.Default).WithSources(settings.ServerUrlSource, settings.TokenSource, settings.ProjectSource);
        return new DstackClient(settings.ServerUrl, settings.Token, settings.Project, httpClient, options);
    }
}
