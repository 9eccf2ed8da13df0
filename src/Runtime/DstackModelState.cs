namespace Dstack.UrlGen;

/// <summary>What a verification found for one declared model.</summary>
public enum DstackModelState
{
    /// <summary>The model's run is running and its endpoint resolved.</summary>
    Running,

    /// <summary>The run exists but is not running yet (or any more): provisioning, pulling, terminating, ….</summary>
    NotRunning,

    /// <summary>The server shows no such run or model.</summary>
    NotFound,

    /// <summary>The run is a service without a model.</summary>
    NoModel,

    /// <summary>The check itself failed (server unreachable, authentication, an invalid <c>base_url</c>, …).</summary>
    Error,
}
