using Microsoft.Extensions.DependencyInjection;

namespace Dstack.UrlGen.Hosting;

internal sealed class DstackBuilder : IDstackBuilder
{
    public DstackBuilder(IServiceCollection services, DstackModelRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    public IServiceCollection Services { get; }

    public DstackModelRegistry Registry { get; }
}
