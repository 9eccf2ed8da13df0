using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting;

/// <summary>Verifies the registered models through <see cref="DstackClient.VerifyAsync"/>, reusing one verification for the cache duration.</summary>
internal sealed class DstackModelsHealthCheck : IHealthCheck
{
    private readonly DstackClient _client;
    private readonly DstackModelRegistry _registry;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private Task<DstackVerificationReport>? _report;
    private long _startedAt;

    public DstackModelsHealthCheck(DstackClient client, DstackModelRegistry registry, TimeSpan cacheDuration, TimeProvider time, ILogger logger)
    {
        _client = client;
        _registry = registry;
        _cacheDuration = cacheDuration;
        _time = time;
        _logger = logger;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var models = _registry.Models;
        if (models.Count == 0)
        {
            return HealthCheckResult.Healthy("No dstack model is registered (AddDstack().AddModel(...)).");
        }

        DstackVerificationReport report;
        try
        {
            report = await Current(models).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DstackAuthenticationException ex)
        {
            // A refused token leaves no model checked: one cause, said once, with the setting to fix (never the token).
            Log.HealthRefused(_logger, models.Count, ex.StatusCode);
            var refused = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var model in models)
            {
                refused[model.DeclaringType] = "Error: not checked, the dstack server refused the token.";
            }

            return new HealthCheckResult(context.Registration.FailureStatus,
                $"None of {models.Count} dstack model(s) could be checked: {ex.Message}", ex, refused);
        }

        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var check in report.Checks)
        {
            data[check.Model.DeclaringType] = $"{check.State}: {check.Message}";
        }

        int running = report.Checks.Count(c => c.State == DstackModelState.Running);
        Log.HealthChecked(_logger, running, report.Checks.Count);
        if (running == report.Checks.Count)
        {
            return HealthCheckResult.Healthy($"All {running} dstack model(s) run.", data);
        }

        string failures = string.Join(" ", report.Checks.Where(c => c.State != DstackModelState.Running).Select(c => c.Message));
        string description = $"{running} of {report.Checks.Count} dstack model(s) run. {failures}";
        return running > 0
            ? HealthCheckResult.Degraded(description, data: data)
            : new HealthCheckResult(context.Registration.FailureStatus, description, data: data);
    }

    /// <summary>The verification to report: the last one while it is younger than the cache duration (or still running), else a new one.</summary>
    private Task<DstackVerificationReport> Current(IReadOnlyList<DstackModelInfo> models)
    {
        lock (_gate)
        {
            long now = _time.GetTimestamp();
            if (_report is not null && (!_report.IsCompleted || _time.GetElapsedTime(_startedAt, now) < _cacheDuration))
            {
                return _report;
            }

            // Not the caller's token: other checks share this verification; the client's own timeout bounds it.
            _report = _client.VerifyAsync(models.ToArray(), CancellationToken.None);
            _startedAt = now;
            return _report;
        }
    }
}
