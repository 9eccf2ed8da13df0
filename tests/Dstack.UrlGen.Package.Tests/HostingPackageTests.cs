using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dstack.UrlGen.Tests.Client;
using Microsoft.AspNetCore.Http;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>Packs Dstack.UrlGen and Dstack.UrlGen.Hosting with one fresh version into a local feed, once.</summary>
public sealed class PackedHostingPackages : IAsyncLifetime
{
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "dstack-urlgen-hosting-package-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string Version { get; } = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";

    public string HostingNupkg => Path.Combine(Feed, $"Dstack.UrlGen.Hosting.{Version}.nupkg");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        foreach (var project in new[] { Path.Combine("src", "Runtime", "Dstack.UrlGen.csproj"), Path.Combine("src", "Hosting", "Dstack.UrlGen.Hosting.csproj") })
        {
            var pack = await DotNet.RunAsync(RepositoryPaths.Root, null, TimeSpan.FromMinutes(5),
                "pack", Path.Combine(RepositoryPaths.Root, project), "-c", RepositoryPaths.Configuration, "--no-build", "-o", Feed, $"-p:Version={Version}");
            pack.EnsureSuccess("dotnet pack of " + project);
        }
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still holding a file in the temp folder must not fail the run; the OS cleans temp.
        }

        return Task.CompletedTask;
    }
}

/// <summary>The Hosting package depends on Dstack.UrlGen, and an application that references only it gets the generator and working keyed clients.</summary>
public sealed class HostingPackageTests : IClassFixture<PackedHostingPackages>
{
    private const string Token = "hosting-consumer-token";
    private readonly PackedHostingPackages _packages;

    public HostingPackageTests(PackedHostingPackages packages) => _packages = packages;

    [Fact]
    public void The_package_holds_the_assembly_and_depends_on_the_same_Dstack_UrlGen()
    {
        using var zip = ZipFile.OpenRead(_packages.HostingNupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("lib/net8.0/Dstack.UrlGen.Hosting.dll", entries);
        Assert.Contains("lib/net8.0/Dstack.UrlGen.Hosting.xml", entries);
        Assert.Contains("hosting.md", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("/Dstack.UrlGen.dll", StringComparison.Ordinal));

        using var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var ns = XNamespace.Get("http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd");
        var dependencies = XDocument.Load(nuspec).Descendants(ns + "dependency").ToList();
        var runtime = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "Dstack.UrlGen");
        Assert.Equal(_packages.Version, (string?)runtime.Attribute("version"));

        // The runtime's generator and analyzers reach the application through this package too.
        Assert.Null(runtime.Attribute("exclude"));
        foreach (var id in new[] { "Microsoft.Extensions.AI", "Microsoft.Extensions.AI.OpenAI", "OpenAI", "Microsoft.Extensions.Http", "Microsoft.Extensions.Diagnostics.HealthChecks" })
        {
            Assert.Contains(dependencies, d => (string?)d.Attribute("id") == id);
        }
    }

    [Fact]
    public async Task A_consumer_of_the_Hosting_package_alone_builds_and_its_keyed_client_answers()
    {
        string directory = Path.Combine(_packages.WorkDirectory, "consumer");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "HostingConsumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>HostingConsumer</RootNamespace>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Dstack.UrlGen.Hosting" Version="{_packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), """
            using Dstack.UrlGen;
            using Dstack.UrlGen.Hosting;
            using HostingConsumer;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Diagnostics.HealthChecks;

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddDstack().AddModels(DstackModelCatalog.Models);
            services.AddHealthChecks().AddDstackModels();
            await using var provider = services.BuildServiceProvider();

            var health = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            Console.WriteLine($"health {health.Status}");
            var chat = provider.GetRequiredKeyedService<IChatClient>("Qwen");
            Console.WriteLine($"reply {(await chat.GetResponseAsync("hello")).Text}");

            namespace HostingConsumer
            {
                [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
                public static partial class Qwen
                {
                }
            }
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="dstack-urlgen-under-test" value="{_packages.Feed}" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(_packages.WorkDirectory, "packages")}" />
              </config>
            </configuration>
            """);

        var build = await DotNet.RunAsync(directory, null, TimeSpan.FromMinutes(8), "build", "-c", "Release");
        build.EnsureSuccess("dotnet build of the Hosting consumer");
        Assert.True(File.Exists(Path.Combine(directory, "bin", "Release", "net10.0", "Dstack.UrlGen.dll")), "Dstack.UrlGen.dll did not come with the Hosting package.");

        await using var server = await StartServerAsync();
        var (exitCode, output, lines) = await DotNet.RunConsumerAsync(directory,
            Path.Combine(directory, "bin", "Release", "net10.0", "HostingConsumer.dll"), server.BaseAddress, Token,
            Path.Combine(_packages.WorkDirectory, "empty-home"));

        Assert.True(exitCode == 0, output);
        Assert.Contains("health Healthy", lines);
        Assert.Contains("reply Qwen/Qwen3.6-27B at /proxy/services/main/qwen36/v1/chat/completions", lines);
    }

    /// <summary>runs/get of the fixture runs and the server's proxy answering chat completions, behind a bearer token.</summary>
    private static Task<LoopbackServer> StartServerAsync()
    {
        var runs = RunFixtures.List();
        return LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method != "POST" || context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            string path = context.Request.Path.Value ?? string.Empty;
            string? answer = path switch
            {
                "/api/project/main/runs/get" => runs.FirstOrDefault(r => RunFixtures.RunName(r) == body.RootElement.GetProperty("run_name").GetString())?.ToJsonString(),
                "/proxy/services/main/qwen36/v1/chat/completions" => Completion(body.RootElement.GetProperty("model").GetString() + " at " + path),
                _ => null,
            };
            context.Response.StatusCode = answer is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer ?? """{"detail":[{"msg":"not found","code":"resource_not_exists"}]}"""));
        });
    }

    private static string Completion(string text) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-hosting-consumer",
        @object = "chat.completion",
        created = 1_787_000_000,
        model = "Qwen/Qwen3.6-27B",
        choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
    });
}
