using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Generation.Configurations;

/// <summary>A configured service with the C# class it becomes (nested in <c>DstackServices</c>).</summary>
/// <param name="ClassName">The class's name, a valid identifier.</param>
/// <param name="Service">The configuration.</param>
internal sealed record ConfiguredService(string ClassName, ServiceConfiguration Service);

/// <summary>Two configurations that map to one class: only <paramref name="Kept"/> is generated.</summary>
/// <param name="ClassName">The class name both map to.</param>
/// <param name="Kept">The configuration that is generated (the first by path).</param>
/// <param name="Skipped">The one that is not.</param>
internal sealed record DuplicateService(string ClassName, ServiceConfiguration Kept, ServiceConfiguration Skipped);

/// <summary>Names the classes of the configured services and finds the configurations that would clash.</summary>
internal static class ConfiguredServices
{
    /// <summary>The nested-in class: <c>DstackServices.Qwen36</c> in the project's root namespace.</summary>
    public const string ContainerName = "DstackServices";

    /// <summary>
    /// One class per configuration, ordered by class name. Where two configurations map to one name, the first by
    /// path (ordinal) is kept and the others are left out (the analyzer reports them): deterministic, never a crash.
    /// </summary>
    public static EquatableArray<ConfiguredService> Resolve(IEnumerable<ServiceConfiguration> services)
        => Group(services).Select(g => new ConfiguredService(g.Key, g.First())).ToEquatableArray();

    /// <summary>Every configuration left out because an earlier one has its class name.</summary>
    public static IEnumerable<DuplicateService> Duplicates(IEnumerable<ServiceConfiguration> services)
        => Group(services).SelectMany(g => g.Skip(1).Select(skipped => new DuplicateService(g.Key, g.First(), skipped)));

    /// <summary>
    /// The class name for a run or file name: each part between non-alphanumeric characters capitalized, parts
    /// joined, with <c>_</c> before a part that starts with a digit (<c>llama-3-8b</c> → <c>Llama_3_8b</c>,
    /// <c>qwen36</c> → <c>Qwen36</c>).
    /// </summary>
    public static string ClassName(string baseName)
    {
        var name = new StringBuilder(baseName.Length + 1);
        bool partStart = true;
        foreach (char c in baseName)
        {
            if (!char.IsLetterOrDigit(c) || !SyntaxFacts.IsIdentifierPartCharacter(c))
            {
                partStart = true;
                continue;
            }

            if (partStart)
            {
                if (char.IsDigit(c) && name.Length > 0)
                {
                    name.Append('_');
                }

                name.Append(char.ToUpperInvariant(c));
                partStart = false;
            }
            else
            {
                name.Append(c);
            }
        }

        if (name.Length == 0)
        {
            return "Service";
        }

        if (!SyntaxFacts.IsIdentifierStartCharacter(name[0]))
        {
            name.Insert(0, '_');
        }

        string result = name.ToString();

        // A nested class cannot have its container's name (CS0542).
        return result == ContainerName ? result + "_" : result;
    }

    private static IEnumerable<IGrouping<string, ServiceConfiguration>> Group(IEnumerable<ServiceConfiguration> services)
        => services
            .GroupBy(s => s.Path, StringComparer.Ordinal)
            .Select(samePath => samePath.First()) // one file passed twice (two overlapping AdditionalFiles items) is one service
            .OrderBy(s => s.Path, StringComparer.Ordinal)
            .GroupBy(s => ClassName(s.BaseName), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
}
