using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests.Infrastructure;

/// <summary>
/// Walks every value of the generator's named steps, field by field, and fails on a compiler object: a model that
/// holds one keeps a whole compilation alive and never compares equal from one run to the next.
/// </summary>
internal static class PipelineModelWalker
{
    private static readonly Type[] Forbidden =
    [
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(Compilation),
        typeof(SemanticModel), typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(AttributeData), typeof(TypedConstant),
    ];

    public static void AssertNoCompilerObjects(GeneratorRunResult result)
    {
        foreach (string name in Incrementality.StepNames)
        {
            foreach (IncrementalGeneratorRunStep step in Incrementality.Steps(result, name))
            {
                foreach (var (value, _) in step.Outputs)
                {
                    string? path = FindCompilerObject(value, name);
                    Assert.True(path is null, $"The pipeline model of step '{name}' holds a compiler object at {path}.");
                }
            }
        }
    }

    /// <summary>The path to the first compiler object inside <paramref name="root"/>, or null when there is none.</summary>
    public static string? FindCompilerObject(object? root, string rootName)
        => Visit(root, rootName, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static string? Visit(object? value, string path, HashSet<object> visited)
    {
        if (value is null)
        {
            return null;
        }

        Type type = value.GetType();
        if (Forbidden.Any(f => f.IsAssignableFrom(type)))
        {
            return $"{path} ({type.Name})";
        }

        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || (!type.IsValueType && !visited.Add(value)))
        {
            return null;
        }

        if (value is IEnumerable sequence)
        {
            int index = 0;
            foreach (object? item in sequence)
            {
                if (Visit(item, $"{path}[{index++}]", visited) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                if (Visit(field.GetValue(value), $"{path}.{field.Name}", visited) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
