using Microsoft.Extensions.DependencyInjection;

namespace Dstack.UrlGen.Hosting;

/// <summary>
/// Returned by <see cref="DstackServiceCollectionExtensions.AddDstack(IServiceCollection)"/>: registers models with
/// <see cref="DstackBuilderExtensions.AddModel(IDstackBuilder, DstackModelInfo)"/>.
/// </summary>
public interface IDstackBuilder
{
    /// <summary>The service collection the models are registered in.</summary>
    IServiceCollection Services { get; }
}
