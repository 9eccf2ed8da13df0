using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>
/// A program compiled against a light-up reference set runs in this process (<see cref="ProgramRunner"/>), so every
/// assembly the set's package assemblies reference, at the version they reference, must load here.
/// </summary>
public sealed class ReferenceSetTests
{
    [Theory]
    [InlineData(ReferenceSet.OpenAI)]
    [InlineData(ReferenceSet.OpenAIAndExtensionsAI)]
    public async Task Every_assembly_a_light_up_package_references_loads_in_the_test_process(ReferenceSet set)
    {
        var packageFiles = (await TestReferences.GetAsync(set))
            .OfType<PortableExecutableReference>()
            .Select(r => r.FilePath!)
            .Where(path => !path.Contains("microsoft.netcore.app", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(Path.GetDirectoryName(path), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.Ordinal))
            .ToList();
        Assert.Contains(packageFiles, path => Path.GetFileName(path) == "OpenAI.dll");

        var missing = new List<string>();
        foreach (string path in packageFiles)
        {
            foreach (AssemblyName reference in References(path))
            {
                try
                {
                    AssemblyLoadContext.Default.LoadFromAssemblyName(reference);
                }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException)
                {
                    missing.Add($"{Path.GetFileName(path)} -> {reference.FullName}");
                }
            }
        }

        Assert.True(missing.Count == 0, "Not loadable here:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_light_up_sets_differ_only_by_the_Extensions_AI_adapter()
    {
        var openAI = TestReferences.PackageClosure(ReferenceSet.OpenAI).Select(Path.GetFileName).ToList();
        var both = TestReferences.PackageClosure(ReferenceSet.OpenAIAndExtensionsAI).Select(Path.GetFileName).ToList();

        Assert.DoesNotContain("Microsoft.Extensions.AI.OpenAI.dll", openAI);
        Assert.Contains("Microsoft.Extensions.AI.OpenAI.dll", both);
        Assert.Empty(openAI.Except(both));
    }

    private static List<AssemblyName> References(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetAssemblyReference(h).GetAssemblyName()).ToList();
    }
}
