using Dstack.UrlGen.Api;

namespace Dstack.UrlGen;

/// <summary>The project, run or model does not exist on the dstack server. <see cref="AvailableModels"/> lists the models that are running.</summary>
public sealed class DstackNotFoundException : DstackException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was not found and what to do.</param>
    /// <param name="availableModels">The names of the models that are running in the project (may be empty).</param>
    /// <param name="serverUrl">The dstack server that was asked.</param>
    /// <param name="project">The dstack project that was asked.</param>
    public DstackNotFoundException(string message, IReadOnlyList<string>? availableModels = null, Uri? serverUrl = null, string? project = null)
        : base(message, serverUrl, project)
        => AvailableModels = availableModels ?? Array.Empty<string>();

    /// <summary>The names of the models that are running in the project (may be empty).</summary>
    public IReadOnlyList<string> AvailableModels { get; }

    /// <summary>What is missing: the client lists a project's models after a missing run, never after a missing project.</summary>
    internal DstackMissing Missing { get; set; }
}
