namespace Dstack.UrlGen;

/// <summary>The result of checking one declared model against the dstack server.</summary>
/// <param name="Model">The declared model.</param>
/// <param name="State">What the check found.</param>
/// <param name="RunStatus">The run's status as the server reported it, when a run was found.</param>
/// <param name="Endpoint">The model's endpoint when <paramref name="State"/> is <see cref="DstackModelState.Running"/>.</param>
/// <param name="Message">One line that says what was found and, on failure, what to do.</param>
public sealed record DstackModelCheck(
    DstackModelInfo Model,
    DstackModelState State,
    string? RunStatus,
    DstackModelEndpoint? Endpoint,
    string Message);
