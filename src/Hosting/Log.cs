using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting;

/// <summary>The package's log messages (source-generated); event ids 1-99.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "dstack client for {ServerUrl}, project '{Project}' (settings from {Source}).")]
    public static partial void ClientCreated(ILogger logger, Uri serverUrl, string project, string source);

    [LoggerMessage(2, LogLevel.Debug, "Model {Model} ({DeclaringType}) is served at {Url}.")]
    public static partial void EndpointResolved(ILogger logger, string model, string declaringType, Uri url);

    [LoggerMessage(3, LogLevel.Warning, "Model {Model} did not answer at {Url} ({Reason}); the endpoint is dropped, the model looked up again and the request retried once.")]
    public static partial void EndpointGone(ILogger logger, string model, Uri url, string reason);

    [LoggerMessage(4, LogLevel.Information, "Model {Model} is now served at {Url}; retrying the request there.")]
    public static partial void Retrying(ILogger logger, string model, Uri url);

    [LoggerMessage(5, LogLevel.Warning, "Model {Model} could not be found again after its endpoint {Url} failed: {Message}")]
    public static partial void LookupFailed(ILogger logger, string model, Uri url, string message);

    [LoggerMessage(6, LogLevel.Debug, "dstack health check: {Running} of {Total} model(s) run.")]
    public static partial void HealthChecked(ILogger logger, int running, int total);

    [LoggerMessage(7, LogLevel.Warning, "dstack health check: the server refused the token (HTTP {StatusCode}); none of {Total} model(s) could be checked.")]
    public static partial void HealthRefused(ILogger logger, int total, int statusCode);
}
