namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// A consumer with no [DstackModel] at all: the packed package's build targets hand its dstack configurations to the
/// generator, which reads them with the YamlDotNet the package ships beside it, in a real <c>dotnet build</c>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConfigurationConsumerTests
{
    private readonly PackedPackage _package;

    public ConfigurationConsumerTests(PackedPackage package) => _package = package;

    [Fact]
    public async Task The_build_generates_a_class_per_configured_service_and_nothing_from_bin()
    {
        var consumer = await _package.ConfigurationConsumer;

        Assert.Equal(
            new[] { "ConfigConsumer.DstackServices.Llama31Gw.DstackModel.g.cs", "ConfigConsumer.DstackServices.Qwen36.DstackModel.g.cs", "DstackModelCatalog.g.cs" },
            consumer.GeneratedFiles().Keys.Order(StringComparer.Ordinal));
        var problems = consumer.BuildOutput.Split('\n').Where(l => l.Contains(": warning ", StringComparison.Ordinal) || l.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_configured_models_are_verified_and_found_on_a_loopback_dstack_server()
    {
        var consumer = await _package.ConfigurationConsumer;
        await using var server = await FixtureDstackServer.StartAsync();
        var (exitCode, output, lines) = await DotNet.RunConsumerAsync(consumer.Directory, consumer.AssemblyPath, server.ServerUrl,
            FixtureDstackServer.Token, Path.Combine(_package.WorkDirectory, "empty-home-config"));

        Assert.True(exitCode == 0, output);
        string origin = server.ServerUrl.AbsoluteUri.TrimEnd('/');
        Assert.Contains("check ConfigConsumer.DstackServices.Qwen36 Running", lines);
        Assert.Contains("check ConfigConsumer.DstackServices.Llama31Gw Running", lines);
        Assert.Contains($"qwen Qwen/Qwen3.6-27B qwen36 {origin}/proxy/services/main/qwen36/v1", lines);
        Assert.Contains("llama meta-llama/Meta-Llama-3.1-70B-Instruct https://gateway.example.com/", lines);
    }
}
