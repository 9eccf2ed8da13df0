using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

/// <summary>
/// Compiles C# source against the running framework and the runtime library and loads it into a collectible
/// context, so that a test can call what the source computes and unload it afterwards.
/// </summary>
internal sealed class ScratchAssembly : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private ScratchAssembly(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        Assembly = assembly;
    }

    /// <summary>The running framework's own assemblies (so the result runs in this process) and Dstack.UrlGen.</summary>
    public static ImmutableArray<MetadataReference> References { get; } = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
            || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(RuntimeReference.Reference)
        .ToImmutableArray();

    public Assembly Assembly { get; }

    public static ScratchAssembly Compile(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Scratch" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
        {
            throw new InvalidOperationException("The source does not compile:" + Environment.NewLine + string.Join(Environment.NewLine, errors) + Environment.NewLine + source);
        }

        image.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        return new ScratchAssembly(context, context.LoadFromStream(image));
    }

    /// <summary>Calls a public static method of a public type in the compiled source.</summary>
    public object? Invoke(string typeName, string methodName, params object?[] arguments)
    {
        var type = Assembly.GetType(typeName) ?? throw new InvalidOperationException($"The compiled source has no type '{typeName}'.");
        var method = type.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"'{typeName}' has no public static method '{methodName}'.");
        try
        {
            return method.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    public void Dispose() => _context.Unload();
}
