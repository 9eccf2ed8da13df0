namespace Dstack.UrlGen;

/// <summary>
/// A server URL or a dstack <c>base_url</c> that <see cref="DstackUrl"/> refuses.
/// <see cref="Error"/> names the reason; the message quotes the input (never a password) and says what to do.
/// </summary>
public sealed class DstackUrlException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">Why the input was refused.</param>
    /// <param name="baseUrl">The <c>base_url</c> exactly as given, or null when it was null.</param>
    /// <param name="message">A message that quotes the input and says what to do.</param>
    public DstackUrlException(DstackUrlError error, string? baseUrl, string message)
        : base(message)
    {
        Error = error;
        BaseUrl = baseUrl;
    }

    /// <summary>Why the input was refused.</summary>
    public DstackUrlError Error { get; }

    /// <summary>The <c>base_url</c> exactly as it was given (untrimmed), or null when it was null.</summary>
    public string? BaseUrl { get; }
}
