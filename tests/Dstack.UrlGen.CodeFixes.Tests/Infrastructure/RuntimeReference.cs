using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>The built runtime library (Dstack.UrlGen.dll), which every fixed document calls into.</summary>
internal static class RuntimeReference
{
    public static string Path { get; } = typeof(DstackUrl).Assembly.Location;

    public static MetadataReference Reference { get; } = MetadataReference.CreateFromFile(Path);
}
