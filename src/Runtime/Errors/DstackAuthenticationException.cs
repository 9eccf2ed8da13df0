namespace Dstack.UrlGen;

/// <summary>The dstack server refused the token (401 or 403). The message points to <c>DSTACK_TOKEN</c> and <c>~/.dstack/config.yml</c>.</summary>
public sealed class DstackAuthenticationException : DstackApiException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="statusCode">401 or 403.</param>
    /// <param name="serverMessage">The error text the server sent, if any.</param>
    /// <param name="serverUrl">The dstack server that was asked.</param>
    /// <param name="project">The dstack project that was asked.</param>
    public DstackAuthenticationException(string message, int statusCode, string? serverMessage = null, Uri? serverUrl = null, string? project = null)
        : base(message, statusCode, serverMessage, serverUrl, project)
    {
    }
}
