using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using OpenAI;
using OpenAI.Chat;

namespace Dstack.UrlGen.Hosting;

/// <summary>Registers dstack models as keyed chat clients.</summary>
public static class DstackBuilderExtensions
{
    /// <summary>
    /// Registers the model's keyed Microsoft.Extensions.AI <see cref="IChatClient"/> and keyed OpenAI
    /// <see cref="ChatClient"/> (singletons) under each of its keys (<see cref="DstackModelKeys.For(DstackModelInfo)"/>:
    /// run name, model name, declaring type's simple name). Each request finds the model's endpoint through the
    /// <see cref="DstackClient"/>'s cache and follows a model that moved (one retry; see docs/hosting.md).
    /// </summary>
    /// <param name="builder">The builder <c>AddDstack</c> returned.</param>
    /// <param name="model">The model: a generated <c>Info</c>, or a <see cref="DstackModelInfo"/> made by hand.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The model's name, project or run is invalid.</exception>
    /// <exception cref="InvalidOperationException">The model, or another model with one of its keys, is already registered.</exception>
    public static IDstackBuilder AddModel(this IDstackBuilder builder, DstackModelInfo model)
        => AddModel(builder, model, null);

    /// <summary>
    /// Registers the model as <see cref="AddModel(IDstackBuilder, DstackModelInfo)"/> does, and lets
    /// <paramref name="configure"/> build the <see cref="IChatClient"/> pipeline around it
    /// (<c>b => b.UseLogging().UseOpenTelemetry().UseFunctionInvocation()</c>), as <c>AddKeyedChatClient</c> does.
    /// </summary>
    /// <param name="builder">The builder <c>AddDstack</c> returned.</param>
    /// <param name="model">The model.</param>
    /// <param name="configure">Adds Microsoft.Extensions.AI middleware to the model's <see cref="IChatClient"/>; null for none. The OpenAI <see cref="ChatClient"/> is not affected.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentException">The model's name, project or run is invalid.</exception>
    /// <exception cref="InvalidOperationException">The model, or another model with one of its keys, is already registered.</exception>
    public static IDstackBuilder AddModel(this IDstackBuilder builder, DstackModelInfo model, Action<ChatClientBuilder>? configure)
    {
        if (builder is null)
        {
            throw new ArgumentNullException(nameof(builder));
        }

        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        DstackModelEndpoints.Validate(model, nameof(model));
        var registry = (builder as DstackBuilder)?.Registry ?? DstackModelRegistry.Find(builder.Services)
            ?? throw new InvalidOperationException("Call services.AddDstack() before registering dstack models.");
        var keys = DstackModelKeys.For(model);
        registry.Add(model, keys);

        var services = builder.Services;
        string primary = keys[0];
        services.AddKeyedSingleton(primary, (sp, _) => CreateChatClient(sp, model));
        var chat = services.AddKeyedChatClient(primary, sp => sp.GetRequiredKeyedService<ChatClient>(primary).AsIChatClient());
        configure?.Invoke(chat);
        foreach (string alias in keys.Skip(1))
        {
            services.AddKeyedSingleton(alias, (sp, _) => sp.GetRequiredKeyedService<ChatClient>(primary));
            services.AddKeyedSingleton(alias, (sp, _) => sp.GetRequiredKeyedService<IChatClient>(primary));
        }

        return builder;
    }

    /// <summary>Registers each model as <see cref="AddModel(IDstackBuilder, DstackModelInfo)"/> does (a generated catalog's <c>Models</c>, for example).</summary>
    /// <param name="builder">The builder <c>AddDstack</c> returned.</param>
    /// <param name="models">The models.</param>
    /// <returns>The builder.</returns>
    public static IDstackBuilder AddModels(this IDstackBuilder builder, IEnumerable<DstackModelInfo> models)
        => AddModels(builder, models, null);

    /// <summary>Registers each model as <see cref="AddModel(IDstackBuilder, DstackModelInfo, Action{ChatClientBuilder}?)"/> does, with one pipeline hook for all.</summary>
    /// <param name="builder">The builder <c>AddDstack</c> returned.</param>
    /// <param name="models">The models.</param>
    /// <param name="configure">Builds each model's <see cref="IChatClient"/> pipeline; it is given the model; null for none.</param>
    /// <returns>The builder.</returns>
    public static IDstackBuilder AddModels(this IDstackBuilder builder, IEnumerable<DstackModelInfo> models, Action<DstackModelInfo, ChatClientBuilder>? configure)
    {
        if (models is null)
        {
            throw new ArgumentNullException(nameof(models));
        }

        foreach (var model in models)
        {
            AddModel(builder, model, configure is null ? null : b => configure(model, b));
        }

        return builder;
    }

    private static ChatClient CreateChatClient(IServiceProvider services, DstackModelInfo model)
    {
        var client = services.GetRequiredService<DstackClient>();
        var inner = services.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(DstackServiceCollectionExtensions.ModelHttpClientName);
        var handler = new DstackModelHandler(client, model, DstackServiceCollectionExtensions.LoggerFor<DstackModelHandler>(services), inner);

        // The factory owns the inner chain, so the HttpClient must not dispose it. The SDK's own network timeout governs.
        var http = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        var options = new OpenAIClientOptions
        {
            Endpoint = DstackModelHandler.Placeholder,
            Transport = new HttpClientPipelineTransport(http),
        };
        if (model.BaseUrl is null)
        {
            // The handler follows a moved model once; the SDK must not repeat that (see DstackModelRetryPolicy).
            options.RetryPolicy = new DstackModelRetryPolicy();
        }

        // dstack's proxy and gateways take the user's dstack token as the model's API key.
        return new ChatClient(model.ModelName, new ApiKeyCredential(client.Token), options);
    }
}
