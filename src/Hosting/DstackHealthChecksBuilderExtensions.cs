using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dstack.UrlGen.Hosting;

/// <summary>Adds the dstack models' health check.</summary>
public static class DstackHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check.</summary>
    public const string DefaultName = "dstack";

    /// <summary>The default time a verification is reused: 30 seconds, the default period of the health check publisher.</summary>
    public static readonly TimeSpan DefaultCacheDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Adds a check of every model registered with <c>AddModel</c>: <see cref="HealthStatus.Healthy"/> when all
    /// run, <see cref="HealthStatus.Degraded"/> when some do, <paramref name="failureStatus"/> (default
    /// <see cref="HealthStatus.Unhealthy"/>) when none does; the description and data give each model's
    /// <see cref="DstackModelCheck.Message"/>. The server is asked at most once per <paramref name="cacheDuration"/>;
    /// checks in between (and concurrent ones) get the same result.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status when no model runs or the server cannot be asked; null for <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="cacheDuration">How long one verification is reused; null for <see cref="DefaultCacheDuration"/>, <see cref="TimeSpan.Zero"/> to ask on every check.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddDstackModels(
        this IHealthChecksBuilder builder,
        string name = DefaultName,
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? cacheDuration = null)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The health check needs a name.", nameof(name));
        }

        var duration = cacheDuration ?? DefaultCacheDuration;
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(cacheDuration), duration, "The cache duration must be zero or positive.");
        }

        // One check instance per registration, so its cached report outlives each health check run's scope.
        builder.Services.AddKeyedSingleton(name, (sp, _) => new DstackModelsHealthCheck(
            sp.GetService<DstackClient>() ?? throw new InvalidOperationException("AddDstackModels() needs services.AddDstack() and the models registered with AddModel."),
            sp.GetRequiredService<DstackModelRegistry>(),
            duration,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            DstackServiceCollectionExtensions.LoggerFor<DstackModelsHealthCheck>(sp)));
        return builder.Add(new HealthCheckRegistration(
            name,
            sp => sp.GetRequiredKeyedService<DstackModelsHealthCheck>(name),
            failureStatus,
            tags));
    }
}
