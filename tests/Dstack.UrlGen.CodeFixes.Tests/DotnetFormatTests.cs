using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>
/// The fix works outside an IDE: `dotnet format analyzers --diagnostics DSTK0001` on a fresh project that uses the
/// built runtime, generator and code-fix assemblies rewrites the hand-built join.
/// </summary>
public sealed class DotnetFormatTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dstack-urlgen-format-").FullName;

    [Fact]
    public async Task Dotnet_format_applies_the_DSTK0001_fix()
    {
        string source = Path.Combine(_folder, "Urls.cs");
        File.WriteAllText(Path.Combine(_folder, "Consumer.csproj"), ConsumerProject());
        File.WriteAllText(source, """
            using System.Text.Json.Serialization;

            namespace Consumer;

            public sealed class ServiceModel
            {
                [JsonPropertyName("base_url")]
                public string BaseUrl { get; set; } = "";
            }

            public sealed class Service { [JsonPropertyName("model")] public ServiceModel? Model { get; set; } }

            public sealed class Run { [JsonPropertyName("service")] public Service? Service { get; set; } }

            public static class Urls
            {
                public static string Model(string server, ServiceModel model) => server + model.BaseUrl;
            }
            """);

        var (exitCode, output) = await DotnetCli.RunAsync(
            _folder,
            TimeSpan.FromMinutes(8),
            "format", "analyzers", "Consumer.csproj", "--diagnostics", "DSTK0001", "--severity", "info", "--verbosity", "normal");

        string fixedSource = File.ReadAllText(source);
        Assert.True(exitCode == 0, $"dotnet format exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.Contains("=> DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;", fixedSource, StringComparison.Ordinal);
        Assert.Contains("using Dstack.UrlGen;", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain("server + model.BaseUrl", fixedSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_format_fixes_a_fixable_DSTK0004_after_an_unfixable_one()
    {
        string source = Path.Combine(_folder, "Forms.cs");
        File.WriteAllText(Path.Combine(_folder, "Consumer.csproj"), ConsumerProject());
        File.WriteAllText(source, """
            using System;
            using System.Text.Json.Serialization;

            namespace Consumer;

            public sealed class ServiceModel
            {
                [JsonPropertyName("base_url")]
                public string BaseUrl { get; set; } = "";
            }

            public sealed class Service { [JsonPropertyName("model")] public ServiceModel? Model { get; set; } }

            public sealed class Run { [JsonPropertyName("service")] public Service? Service { get; set; } }

            public static class Forms
            {
                public static Uri Parse(ServiceModel model) => new Uri(model.BaseUrl);

                public static bool IsGateway(ServiceModel model) => Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _);
            }
            """);

        var (exitCode, output) = await DotnetCli.RunAsync(
            _folder,
            TimeSpan.FromMinutes(8),
            "format", "analyzers", "Consumer.csproj", "--diagnostics", "DSTK0004", "--severity", "info", "--verbosity", "normal");

        string fixedSource = File.ReadAllText(source);
        Assert.True(exitCode == 0, $"dotnet format exited with {exitCode}:{Environment.NewLine}{output}");
        Assert.DoesNotContain("didn't return a Fix All action", output, StringComparison.Ordinal);
        Assert.Contains("=> DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway;", fixedSource, StringComparison.Ordinal);
        Assert.Contains("=> new Uri(model.BaseUrl);", fixedSource, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// References the assemblies the test project copied beside itself, as the NuGet package would: the runtime as a
    /// reference, the generator and the code fixes as analyzers.
    /// </summary>
    private static string ConsumerProject()
    {
        string Beside(string file)
        {
            string path = Path.Combine(AppContext.BaseDirectory, file);
            return File.Exists(path) ? path : throw new FileNotFoundException($"'{file}' is not beside the test assembly; build the test project first.", path);
        }

        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="Dstack.UrlGen" HintPath="{Beside("Dstack.UrlGen.dll")}" />
                <Analyzer Include="{Beside("Dstack.UrlGen.Generator.dll")}" />
                <Analyzer Include="{Beside("Dstack.UrlGen.CodeFixes.dll")}" />
              </ItemGroup>
            </Project>
            """;
    }
}
