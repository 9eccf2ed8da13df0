namespace Dstack.UrlGen;

/// <summary>The run exists but is not running, or it is a service without a model; or a verification found models that are not available.</summary>
public sealed class DstackModelUnavailableException : DstackException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is unavailable and what to do.</param>
    /// <param name="serverUrl">The dstack server that was asked.</param>
    /// <param name="project">The dstack project that was asked.</param>
    /// <param name="runStatus">The run's status (for example <c>provisioning</c>), if known.</param>
    public DstackModelUnavailableException(string message, Uri? serverUrl = null, string? project = null, string? runStatus = null)
        : base(message, serverUrl, project)
        => RunStatus = runStatus;

    /// <summary>The run's status as the server reported it (for example <c>provisioning</c>), if known.</summary>
    public string? RunStatus { get; }
}
