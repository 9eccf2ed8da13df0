using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>Which libraries a test compilation references besides the .NET 8 reference assemblies and Dstack.UrlGen.</summary>
public enum ReferenceSet
{
    /// <summary>Only the runtime: no light-up members.</summary>
    Runtime,

    /// <summary>The OpenAI SDK 2.x too: <c>CreateChatClientAsync</c>.</summary>
    OpenAI,

    /// <summary>OpenAI and Microsoft.Extensions.AI's OpenAI adapter: <c>CreateIChatClientAsync</c> too.</summary>
    OpenAIAndExtensionsAI,
}

/// <summary>
/// The metadata references of test compilations: net8.0 reference assemblies (and the OpenAI packages resolved
/// for net8.0) from the testing library's package resolver, plus the Dstack.UrlGen runtime this test project builds.
/// Each set is resolved once per test run.
/// </summary>
internal static class TestReferences
{
    private static readonly ConcurrentDictionary<ReferenceSet, Lazy<Task<ImmutableArray<MetadataReference>>>> Cache = new();

    /// <summary>The Dstack.UrlGen runtime assembly (its net8.0 build, as a net8.0 consumer gets it).</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location);

    public static Task<ImmutableArray<MetadataReference>> GetAsync(ReferenceSet set)
        => Cache.GetOrAdd(set, s => new Lazy<Task<ImmutableArray<MetadataReference>>>(() => ResolveAsync(s))).Value;

    private static async Task<ImmutableArray<MetadataReference>> ResolveAsync(ReferenceSet set)
    {
        ReferenceAssemblies assemblies = set switch
        {
            ReferenceSet.Runtime => ReferenceAssemblies.Net.Net80,
            ReferenceSet.OpenAI => ReferenceAssemblies.Net.Net80.AddPackages([new PackageIdentity("OpenAI", "2.15.0")]),
            ReferenceSet.OpenAIAndExtensionsAI => ReferenceAssemblies.Net.Net80.AddPackages(
                [new PackageIdentity("OpenAI", "2.15.0"), new PackageIdentity("Microsoft.Extensions.AI.OpenAI", "10.11.0")]),
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, "Unknown reference set."),
        };
        ImmutableArray<MetadataReference> resolved = await assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return resolved.Add(Runtime);
    }
}
