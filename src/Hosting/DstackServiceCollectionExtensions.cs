using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dstack.UrlGen.Hosting;

/// <summary>Registers dstack with dependency injection.</summary>
public static class DstackServiceCollectionExtensions
{
    /// <summary>The <see cref="IHttpClientFactory"/> name of the client the <see cref="DstackClient"/> calls the dstack REST API with.</summary>
    public const string ApiHttpClientName = "Dstack.UrlGen.Api";

    /// <summary>
    /// The <see cref="IHttpClientFactory"/> name of the handler chain every model client sends through (after its
    /// request was pointed at the model's endpoint); add handlers to it with <c>services.AddHttpClient(ModelHttpClientName)</c>.
    /// </summary>
    public const string ModelHttpClientName = "Dstack.UrlGen.Models";

    // The clients live as long as the application (the DstackClient and the model clients are singletons), so the
    // connection pool is recycled instead of the handler, to follow DNS changes.
    private static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Registers a singleton <see cref="DstackClient"/> configured from the configuration section <c>Dstack</c>
    /// (<see cref="DstackOptions"/>), or, when that section sets neither <c>ServerUrl</c> nor <c>Token</c>, from the
    /// dstack CLI's settings (<c>DSTACK_SERVER_URL</c>, <c>DSTACK_TOKEN</c>, <c>DSTACK_PROJECT</c>, <c>~/.dstack/config.yml</c>).
    /// The settings are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to register models on.</returns>
    public static IDstackBuilder AddDstack(this IServiceCollection services) => AddDstack(services, null);

    /// <summary>Registers dstack as <see cref="AddDstack(IServiceCollection)"/> does, then lets <paramref name="configure"/> change the options read from configuration.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes the options after the <c>Dstack</c> configuration section was read; null for none.</param>
    /// <returns>A builder to register models on.</returns>
    public static IDstackBuilder AddDstack(this IServiceCollection services, Action<DstackOptions>? configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var registry = DstackModelRegistry.Find(services);
        if (registry is null)
        {
            registry = new DstackModelRegistry();
            services.AddSingleton(registry);
            Register(services);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return new DstackBuilder(services, registry);
    }

    private static void Register(IServiceCollection services)
    {
        services.TryAddSingleton(DstackEnvironment.Process);
        services.AddOptions<DstackOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<DstackOptions>, DstackOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DstackOptions>, DstackOptionsValidator>());

        // DstackClient has its own per-request timeout; the OpenAI SDK has its own network timeout for model calls.
        services.AddHttpClient(ApiHttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(LongLivedHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(ModelHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(LongLivedHandler)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(CreateClient);
    }

    private static HttpMessageHandler LongLivedHandler() => new SocketsHttpHandler
    {
        PooledConnectionLifetime = PooledConnectionLifetime,
        AutomaticDecompression = DecompressionMethods.All,
    };

    private static DstackClient CreateClient(IServiceProvider services)
    {
        // Reading Value runs the validator: invalid settings throw OptionsValidationException naming them.
        var options = services.GetRequiredService<IOptions<DstackOptions>>().Value;
        var connection = DstackConnection.TryResolve(options, services.GetRequiredService<DstackEnvironment>(), out string? error)
            ?? throw new OptionsValidationException(Options.DefaultName, typeof(DstackOptions), new[] { error! });
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient(ApiHttpClientName);
        var logger = LoggerFor<DstackClient>(services);
        Log.ClientCreated(logger, connection.ServerUrl, connection.Project, connection.Source);
        return new DstackClient(connection.ServerUrl, connection.Token, connection.Project, http, options.ToClientOptions(connection.ServerUrlSource, connection.TokenSource, connection.ProjectSource));
    }

    internal static ILogger LoggerFor<T>(IServiceProvider services)
        => (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(T).FullName!);
}
