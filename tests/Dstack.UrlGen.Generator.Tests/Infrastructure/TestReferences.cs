using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>Which libraries a test compilation references besides the framework and Dstack.UrlGen.</summary>
public enum ReferenceSet
{
    /// <summary>Only the runtime, on the net8.0 reference assemblies: no light-up members.</summary>
    Runtime,

    /// <summary>The OpenAI SDK 2.x too: <c>CreateChatClientAsync</c>.</summary>
    OpenAI,

    /// <summary>OpenAI and Microsoft.Extensions.AI's OpenAI adapter: <c>CreateIChatClientAsync</c> too.</summary>
    OpenAIAndExtensionsAI,
}

/// <summary>
/// The metadata references of test compilations, each set made once per test run.
/// <list type="bullet">
/// <item><see cref="ReferenceSet.Runtime"/>: the net8.0 reference assemblies (the testing library's package
/// resolver) and the Dstack.UrlGen runtime this project builds.</item>
/// <item>The light-up sets: the framework this test process runs on and the closure of the light-up packages as
/// this project restored them (its deps.json). The testing library's package resolver is not used for them: on a
/// cold package cache it returned part of a package's dependencies (none on the first call, more on each later
/// one), so a program compiled against them failed to compile or, at run time, to load
/// Microsoft.Extensions.Logging.Abstractions, which System.ClientModel needs only at run time. Taking both the
/// compile references and the run-time assemblies from this process makes them one and the same set.</item>
/// </list>
/// </summary>
internal static class TestReferences
{
    private static readonly ConcurrentDictionary<ReferenceSet, Lazy<Task<ImmutableArray<MetadataReference>>>> Cache = new();

    /// <summary>The Dstack.UrlGen runtime assembly (its net8.0 build, as a net8.0 consumer gets it).</summary>
    public static MetadataReference Runtime { get; } = MetadataReference.CreateFromFile(typeof(DstackUrl).Assembly.Location);

    public static Task<ImmutableArray<MetadataReference>> GetAsync(ReferenceSet set)
        => Cache.GetOrAdd(set, s => new Lazy<Task<ImmutableArray<MetadataReference>>>(() => ResolveAsync(s))).Value;

    /// <summary>The package assemblies of a light-up set with every assembly they reference, outside the framework.</summary>
    public static ImmutableArray<string> PackageClosure(ReferenceSet set)
        => set switch
        {
            ReferenceSet.OpenAI => ProcessAssemblies.Closure(["OpenAI"]),
            ReferenceSet.OpenAIAndExtensionsAI => ProcessAssemblies.Closure(["OpenAI", "Microsoft.Extensions.AI.OpenAI"]),
            _ => [],
        };

    private static async Task<ImmutableArray<MetadataReference>> ResolveAsync(ReferenceSet set)
    {
        if (set == ReferenceSet.Runtime)
        {
            ImmutableArray<MetadataReference> resolved = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            return resolved.Add(Runtime);
        }

        return ProcessAssemblies.Framework
            .Concat(PackageClosure(set))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray()
            .Add(Runtime);
    }

    /// <summary>The assemblies this test process may load: the trusted platform assemblies of its deps.json and framework.</summary>
    private static class ProcessAssemblies
    {
        private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

        private static readonly Dictionary<string, string> ByName = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .GroupBy(path => Path.GetFileNameWithoutExtension(path), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        public static IEnumerable<string> Framework => ByName.Values.Where(IsFramework).Order(StringComparer.Ordinal);

        /// <summary>
        /// The roots and, transitively, every non-framework assembly they reference; throws naming an assembly that
        /// this process does not have (a package dependency the project file misses).
        /// </summary>
        public static ImmutableArray<string> Closure(IEnumerable<string> roots)
        {
            var found = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var pending = new Queue<(string Name, string Referrer)>(roots.Select(r => (r, "the test")));
            while (pending.Count > 0)
            {
                (string name, string referrer) = pending.Dequeue();
                if (found.ContainsKey(name))
                {
                    continue;
                }

                if (!ByName.TryGetValue(name, out string? path))
                {
                    throw new InvalidOperationException($"{referrer} references {name}, which the test project does not restore; add its package to Dstack.UrlGen.Generator.Tests.csproj.");
                }

                if (IsFramework(path))
                {
                    continue;
                }

                found.Add(name, path);
                foreach (string reference in References(path))
                {
                    pending.Enqueue((reference, name));
                }
            }

            return [.. found.Values];
        }

        private static bool IsFramework(string path)
            => string.Equals(Path.GetDirectoryName(path), FrameworkDirectory, StringComparison.Ordinal);

        private static IEnumerable<string> References(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader metadata = pe.GetMetadataReader();
            return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        }
    }
}
