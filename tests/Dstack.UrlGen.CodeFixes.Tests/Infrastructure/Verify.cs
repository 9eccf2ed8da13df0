using Microsoft.CodeAnalysis.CodeFixes;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>Short forms of the code-fix test for the common cases.</summary>
internal static class Verify<TCodeFix>
    where TCodeFix : CodeFixProvider, new()
{
    /// <summary>The fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, one diagnostic at a time and with Fix All.</summary>
    public static Task FixAsync(string source, string fixedSource)
        => new DstackCodeFixTest<TCodeFix> { TestCode = source, FixedCode = fixedSource }.RunAsync();

    /// <summary>The diagnostics in <paramref name="source"/>'s markup are reported and no fix is offered for them.</summary>
    public static Task NoFixAsync(string source)
        => new DstackCodeFixTest<TCodeFix> { TestCode = source, FixedCode = source }.RunAsync();
}
