namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>Turns a configured service into the model spec the emitter writes, as if it were declared with <c>[DstackModel]</c>.</summary>
internal static class ConfiguredModel
{
    private static readonly TypeDeclarationSpec Container = new("internal static", "class", ConfiguredServices.ContainerName);

    /// <summary>
    /// <c>DstackServices.{ClassName}</c> in the root namespace, with the model name and, when the configuration names
    /// its run, the run. Never a Project (the project is not in the file: it is the one <c>dstack apply</c> uses) and
    /// never a BaseUrl: without a gateway the server's base_url holds the project
    /// (<c>/proxy/services/{project}/{run}/v1</c>), and with a gateway it holds the gateway's domain, so the endpoint
    /// comes from the server by run name (or by model name when dstack picks the run name).
    /// </summary>
    public static DstackModelSpec Spec(ConfiguredService service, string rootNamespace)
    {
        string container = rootNamespace.Length == 0 ? ConfiguredServices.ContainerName : rootNamespace + "." + ConfiguredServices.ContainerName;
        return new DstackModelSpec(
            rootNamespace,
            new[] { Container }.ToEquatableArray(),
            new TypeDeclarationSpec("public static", "class", service.ClassName),
            container + "." + service.ClassName,
            service.Service.ModelName,
            Project: null,
            Run: service.Service.RunName,
            BaseUrl: null,
            BaseUrlKind: default,
            ConfigurationFile: service.Service.DisplayName);
    }
}
