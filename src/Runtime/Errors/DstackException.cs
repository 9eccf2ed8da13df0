namespace Dstack.UrlGen;

/// <summary>
/// The base of every error <see cref="DstackClient"/> reports. Messages name the server, the project and the
/// run or model, and never the token.
/// </summary>
public class DstackException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="serverUrl">The dstack server that was asked, if any.</param>
    /// <param name="project">The dstack project that was asked, if any.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DstackException(string message, Uri? serverUrl = null, string? project = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ServerUrl = serverUrl;
        Project = project;
    }

    /// <summary>The dstack server that was asked, if any.</summary>
    public Uri? ServerUrl { get; }

    /// <summary>The dstack project that was asked, if any.</summary>
    public string? Project { get; }
}
