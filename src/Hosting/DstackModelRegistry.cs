using Microsoft.Extensions.DependencyInjection;

namespace Dstack.UrlGen.Hosting;

/// <summary>The models registered with <see cref="DstackBuilderExtensions.AddModel(IDstackBuilder, DstackModelInfo)"/>, for the health check; one per service collection.</summary>
internal sealed class DstackModelRegistry
{
    private readonly List<DstackModelInfo> _models = new();
    private readonly Dictionary<string, DstackModelInfo> _owners = new(StringComparer.Ordinal);

    public IReadOnlyList<DstackModelInfo> Models => _models;

    /// <summary>The registry of <paramref name="services"/>, or null before <c>AddDstack</c>.</summary>
    public static DstackModelRegistry? Find(IServiceCollection services)
    {
        foreach (var descriptor in services)
        {
            if (descriptor.ServiceType == typeof(DstackModelRegistry) && !descriptor.IsKeyedService && descriptor.ImplementationInstance is DstackModelRegistry registry)
            {
                return registry;
            }
        }

        return null;
    }

    /// <summary>Records a model under its keys; a key another model already has is an error (two clients under one key would hide one).</summary>
    public void Add(DstackModelInfo model, IReadOnlyList<string> keys)
    {
        if (_models.Contains(model))
        {
            throw new InvalidOperationException(
                $"The dstack model {Describe(model)} is already registered. Register each model once (AddModel, AddModels or AddDeclaredModels).");
        }

        foreach (string key in keys)
        {
            if (_owners.TryGetValue(key, out var owner))
            {
                throw new InvalidOperationException(
                    $"The dstack models {Describe(owner)} and {Describe(model)} both have the service key \"{key}\" "
                    + "(keys are the run name, the model name and the declaring type's simple name). Rename one of the types, or give the models different runs.");
            }
        }

        _models.Add(model);
        foreach (string key in keys)
        {
            _owners.Add(key, model);
        }
    }

    private static string Describe(DstackModelInfo model) => $"{model.DeclaringType} (\"{model.ModelName}\")";
}
