namespace Dstack.UrlGen;

/// <summary>The dstack server answered with an error status (5xx or unexpected), malformed JSON, or could not be reached.</summary>
public class DstackApiException : DstackException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and what to do.</param>
    /// <param name="statusCode">The HTTP status code, or 0 when no response arrived.</param>
    /// <param name="serverMessage">The error text the server sent, if any.</param>
    /// <param name="serverUrl">The dstack server that was asked.</param>
    /// <param name="project">The dstack project that was asked.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public DstackApiException(string message, int statusCode, string? serverMessage = null, Uri? serverUrl = null, string? project = null, Exception? innerException = null)
        : base(message, serverUrl, project, innerException)
    {
        StatusCode = statusCode;
        ServerMessage = serverMessage;
    }

    /// <summary>The HTTP status code, or 0 when no response arrived (timeout, connection refused).</summary>
    public int StatusCode { get; }

    /// <summary>The error text the server sent, if any.</summary>
    public string? ServerMessage { get; }
}
