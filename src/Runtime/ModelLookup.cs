namespace Dstack.UrlGen;

/// <summary>
/// What the server's runs say about one model or run, before it becomes an endpoint, an exception
/// (<see cref="DstackClient.GetModelAsync"/>, <see cref="DstackClient.GetRunModelAsync"/>) or a
/// <see cref="DstackModelCheck"/> (<see cref="DstackClient.VerifyAsync"/>).
/// </summary>
internal sealed class ModelLookup
{
    private ModelLookup(DstackModelState state, DstackModelEndpoint? endpoint, string? runStatus, string message, IReadOnlyList<string> availableModels)
    {
        State = state;
        Endpoint = endpoint;
        RunStatus = runStatus;
        Message = message;
        AvailableModels = availableModels;
    }

    public DstackModelState State { get; }

    public DstackModelEndpoint? Endpoint { get; }

    public string? RunStatus { get; }

    /// <summary>One line naming the server, the project and the run or model, and what to do.</summary>
    public string Message { get; }

    public IReadOnlyList<string> AvailableModels { get; }

    public static ModelLookup Running(DstackModelEndpoint endpoint, string message)
        => new(DstackModelState.Running, endpoint, "running", message, Array.Empty<string>());

    public static ModelLookup NotRunning(string runStatus, string message)
        => new(DstackModelState.NotRunning, null, runStatus, message, Array.Empty<string>());

    public static ModelLookup NoModel(string? runStatus, string message)
        => new(DstackModelState.NoModel, null, runStatus, message, Array.Empty<string>());

    public static ModelLookup NotFound(string message, IReadOnlyList<string> availableModels)
        => new(DstackModelState.NotFound, null, null, message, availableModels);

    /// <summary>The endpoint, or the exception of the <see cref="DstackException"/> hierarchy that says why there is none.</summary>
    public DstackModelEndpoint EndpointOrThrow(Uri serverUrl, string project)
        => State switch
        {
            DstackModelState.Running => Endpoint!,
            DstackModelState.NotFound => throw new DstackNotFoundException(Message, AvailableModels, serverUrl, project),
            _ => throw new DstackModelUnavailableException(Message, serverUrl, project, RunStatus),
        };
}
