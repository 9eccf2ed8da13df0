using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Dstack.UrlGen.Hosting.Tests;

/// <summary>
/// The member the generator adds to a project's catalog when it references this package, written as the
/// generator writes it (global:: names, the two-argument AddModels), so a change here that breaks it fails.
/// </summary>
internal static class GeneratedCatalogShape
{
    public static IReadOnlyList<DstackModelInfo> Models { get; } = new[] { TestHost.Qwen, TestHost.Llama };

    public static global::Dstack.UrlGen.Hosting.IDstackBuilder AddDeclaredModels(this global::Dstack.UrlGen.Hosting.IDstackBuilder builder)
        => global::Dstack.UrlGen.Hosting.DstackBuilderExtensions.AddModels(builder, Models);
}

public sealed class GeneratedCatalogContractTests
{
    [Fact]
    public void AddDeclaredModels_as_generated_registers_every_model_under_its_keys()
    {
        var services = new ServiceCollection();
        services.AddDstack().AddDeclaredModels();

        foreach (var model in GeneratedCatalogShape.Models)
        {
            Assert.All(DstackModelKeys.For(model), key => Assert.Contains(services, d => d.IsKeyedService && Equals(d.ServiceKey, key) && d.ServiceType == typeof(IChatClient)));
        }
    }
}
