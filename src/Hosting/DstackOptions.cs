namespace Dstack.UrlGen.Hosting;

/// <summary>
/// Where the dstack server is, read from the configuration section <c>Dstack</c>
/// (<c>"Dstack": { "ServerUrl": …, "Token": …, "Project": … }</c>). When neither <see cref="ServerUrl"/> nor
/// <see cref="Token"/> is set, the dstack CLI's settings are used as <see cref="DstackClient.FromEnvironment(string?)"/>
/// does: <c>DSTACK_SERVER_URL</c>, <c>DSTACK_TOKEN</c>, <c>DSTACK_PROJECT</c>, then <c>~/.dstack/config.yml</c>.
/// Checked when the host starts; every failure names the setting to fix.
/// </summary>
public sealed class DstackOptions
{
    /// <summary>The configuration section read by <see cref="DstackServiceCollectionExtensions.AddDstack(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>.</summary>
    public const string SectionName = "Dstack";

    /// <summary>The dstack server's URL (<c>Dstack:ServerUrl</c>); set it together with <see cref="Token"/>, or neither.</summary>
    public string? ServerUrl { get; set; }

    /// <summary>The user's dstack token (<c>Dstack:Token</c>); keep it in user secrets or an environment variable (<c>Dstack__Token</c>).</summary>
    public string? Token { get; set; }

    /// <summary>The project used for models that name none (<c>Dstack:Project</c>); null for <c>DSTACK_PROJECT</c> or config.yml's default project.</summary>
    public string? Project { get; set; }

    /// <summary>How long a model's endpoint is reused before the server is asked again (<c>Dstack:EndpointCacheDuration</c>, default one minute).</summary>
    public TimeSpan EndpointCacheDuration { get; set; } = DstackClientOptions.Default.EndpointCacheDuration;

    /// <summary>How long one request to the dstack server may take (<c>Dstack:Timeout</c>, default 30 seconds); model calls are not limited by it.</summary>
    public TimeSpan Timeout { get; set; } = DstackClientOptions.Default.Timeout;

    /// <summary>Accept an <c>http://</c> gateway <c>base_url</c> from an <c>https://</c> server (<c>Dstack:AllowInsecureHttp</c>); see <see cref="DstackUrlOptions.AllowInsecureHttp"/>.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Values in the configuration section that could not be read; reported when the options are validated.</summary>
    internal List<string> ConfigurationErrors { get; } = new();

    internal DstackClientOptions ToClientOptions(string serverUrlSource, string tokenSource, string projectSource) => new()
    {
        EndpointCacheDuration = EndpointCacheDuration,
        Timeout = Timeout,
        UrlOptions = AllowInsecureHttp ? new DstackUrlOptions { AllowInsecureHttp = true } : null,
        ServerUrlSource = serverUrlSource,
        TokenSource = tokenSource,
        ProjectSource = projectSource,
    };
}
