using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>
/// Emits a compilation to memory, loads it into a collectible load context and calls its static
/// <c>string Program.Run()</c>. Dstack.UrlGen comes from the test's own context (so its types are the test's);
/// package assemblies (OpenAI, …) load from the files the compilation referenced.
/// </summary>
internal static class ProgramRunner
{
    public static string EmitAndRun(Compilation compilation, string programType)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, "The program does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var packageFiles = compilation.References
            .OfType<PortableExecutableReference>()
            .Select(r => r.FilePath)
            .Where(path => path is not null && !path.Contains("microsoft.netcore.app.ref", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path!), path => path!, StringComparer.OrdinalIgnoreCase);

        var context = new ProgramLoadContext(packageFiles);
        try
        {
            image.Position = 0;
            Assembly program = context.LoadFromStream(image);
            MethodInfo run = program.GetType(programType, throwOnError: true)!.GetMethod("Run", BindingFlags.Public | BindingFlags.Static)
                ?? throw new InvalidOperationException($"{programType} has no public static Run().");
            return (string)run.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class ProgramLoadContext(Dictionary<string, string> packageFiles) : AssemblyLoadContext("GeneratedProgram", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName name)
        {
            // Whatever the test process has (the runtime, Dstack.UrlGen) is shared; only package assemblies are loaded here.
            if (Default.Assemblies.Any(a => AssemblyName.ReferenceMatchesDefinition(name, a.GetName())))
            {
                return null;
            }

            return name.Name is not null && packageFiles.TryGetValue(name.Name, out string? path) && !IsFrameworkAssembly(name)
                ? LoadFromAssemblyPath(path)
                : null;
        }

        private static bool IsFrameworkAssembly(AssemblyName name)
            => File.Exists(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, name.Name + ".dll"));
    }
}
