using System.Text.Json;

namespace Dstack.UrlGen.Package.Tests;

/// <summary>
/// Which files the package's build targets (build/Dstack.UrlGen.targets) hand to the generator as AdditionalFiles,
/// read from an MSBuild evaluation of a small project that imports them: no restore, no build.
/// </summary>
public sealed class BuildTargetsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "dstack-urlgen-targets-" + Guid.NewGuid().ToString("N")[..12]);

    public BuildTargetsTests()
    {
        string project = Path.Combine(_directory, "app");
        foreach (string file in new[] { "qwen36.dstack.yml", "deploy/gemma/.dstack.yml", "Nested/LLAMA.DSTACK.YML", "bin/Release/stale.dstack.yml", "obj/copy.dstack.yml", "config.yml", "dstack.yml" })
        {
            string path = Path.Combine(project, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "type: service\n");
        }

        Directory.CreateDirectory(Path.Combine(_directory, "deploy"));
        File.WriteAllText(Path.Combine(_directory, "deploy", "shared.dstack.yml"), "type: service\n");
        string targets = Path.Combine(RepositoryPaths.Root, "src", "Runtime", "build", "Dstack.UrlGen.targets");
        File.WriteAllText(Path.Combine(project, "App.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup Condition="'$(AddSibling)' == 'true'">
                <AdditionalFiles Include="../deploy/*.dstack.yml" />
              </ItemGroup>
              <Import Project="{targets}" />
            </Project>
            """);
    }

    [Fact]
    public async Task The_project_folders_dstack_files_are_added_except_bin_and_obj()
    {
        var files = await AdditionalFilesAsync();

        Assert.Equal(["Nested/LLAMA.DSTACK.YML", "deploy/gemma/.dstack.yml", "qwen36.dstack.yml"], files);
    }

    [Fact]
    public async Task A_property_turns_it_off_and_an_item_line_adds_files_from_elsewhere()
    {
        Assert.Empty(await AdditionalFilesAsync("-p:DstackUrlGenConfigurations=false"));
        Assert.Equal(["../deploy/shared.dstack.yml"], await AdditionalFilesAsync("-p:DstackUrlGenConfigurations=false", "-p:AddSibling=true"));
        Assert.Equal(
            ["../deploy/shared.dstack.yml", "Nested/LLAMA.DSTACK.YML", "deploy/gemma/.dstack.yml", "qwen36.dstack.yml"],
            await AdditionalFilesAsync("-p:AddSibling=true"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans temp.
        }
    }

    /// <summary>The project's AdditionalFiles, relative to the project folder with '/' separators, in ordinal order.</summary>
    private async Task<List<string>> AdditionalFilesAsync(params string[] properties)
    {
        string project = Path.Combine(_directory, "app");
        var result = await DotNet.RunAsync(project, null, TimeSpan.FromMinutes(2), ["msbuild", "App.csproj", "-getItem:AdditionalFiles", .. properties]);
        result.EnsureSuccess("dotnet msbuild -getItem:AdditionalFiles");
        string json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("Items").GetProperty("AdditionalFiles").EnumerateArray()
            .Select(item => Path.GetRelativePath(project, item.GetProperty("FullPath").GetString()!).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
