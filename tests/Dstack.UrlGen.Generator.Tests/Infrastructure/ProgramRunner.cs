using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>
/// Emits a compilation to memory, loads it into a collectible load context and calls its static
/// <c>string Program.Run()</c>. Only the program itself loads there: every assembly it references (the framework,
/// Dstack.UrlGen, the light-up packages with their own dependencies) comes from the test process's default context,
/// which resolves it from this project's deps.json, so what the program runs with never depends on what an
/// earlier test happened to load (see <see cref="TestReferences"/>).
/// </summary>
internal static class ProgramRunner
{
    public static string EmitAndRun(Compilation compilation, string programType)
    {
        using var image = new MemoryStream();
        var emit = compilation.Emit(image);
        Assert.True(emit.Success, "The program does not compile:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));

        var context = new AssemblyLoadContext("GeneratedProgram", isCollectible: true);
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
}
