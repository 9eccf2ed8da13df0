namespace Dstack.UrlGen;

/// <summary>Where <see cref="DstackClient.FromEnvironment(string?)"/> found the server, the token and the project.</summary>
internal sealed class DstackSettings
{
    public DstackSettings(Uri serverUrl, string token, string project, string source)
    {
        ServerUrl = serverUrl;
        Token = token;
        Project = project;
        Source = source;
    }

    public Uri ServerUrl { get; }

    public string Token { get; }

    public string Project { get; }

    /// <summary>Where the settings came from (the variables or the file), for messages; never the token.</summary>
    public string Source { get; }

    public override string ToString() => $"{ServerUrl.OriginalString}, project '{Project}' (from {Source})";
}
