namespace Dstack.UrlGen;

/// <summary>Where <see cref="DstackClient.FromEnvironment(string?)"/> found the server, the token and the project.</summary>
internal sealed class DstackSettings
{
    public DstackSettings(Uri serverUrl, string token, string project, string source, string serverUrlSource, string tokenSource, string projectSource)
    {
        ServerUrlSource = serverUrlSource;
        TokenSource = tokenSource;
        ProjectSource = projectSource;
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

    /// <summary>The variable or file entry that gave the server URL, for messages that ask to fix it.</summary>
    public string ServerUrlSource { get; }

    /// <summary>The variable or file entry that gave the token.</summary>
    public string TokenSource { get; }

    /// <summary>What chose the project: the argument, the variable or the file's default.</summary>
    public string ProjectSource { get; }

    public override string ToString() => $"{ServerUrl.OriginalString}, project '{Project}' (from {Source})";
}
