using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// A synthetic application: ordinary files, files with one <c>[DstackModel]</c> declaration each, and files with
/// one <c>[LoggerMessage]</c> method each, so both generators run on one and the same compilation.
/// </summary>
internal sealed class SyntheticProject
{
    public const int OrdinaryFiles = 1_000;
    public const int Declarations = 100;
    public const int LoggerMessages = 100;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public SyntheticProject()
    {
        var trees = new List<SyntaxTree>(OrdinaryFiles + Declarations + LoggerMessages);
        for (int i = 0; i < OrdinaryFiles; i++)
        {
            trees.Add(Parse(OrdinaryFile(i, "x * 2"), $"Ordinary{i}.cs"));
        }

        for (int i = 0; i < Declarations; i++)
        {
            trees.Add(Parse(Declaration(i), $"Model{i}.cs"));
        }

        for (int i = 0; i < LoggerMessages; i++)
        {
            trees.Add(Parse(LoggerMessage(i), $"Log{i}.cs"));
        }

        Compilation = CSharpCompilation.Create(
            "Bench.App",
            trees,
            DotnetInstallation.References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        EditedTree = trees[OrdinaryFiles / 2];
    }

    public Compilation Compilation { get; }

    /// <summary>The ordinary file that the "unrelated edit" changes.</summary>
    public SyntaxTree EditedTree { get; }

    /// <summary>A fresh compilation in which one ordinary method body was edited (what a keystroke does).</summary>
    public Compilation WithUnrelatedEdit(int edit)
        => Compilation.ReplaceSyntaxTree(EditedTree, Parse(OrdinaryFile(OrdinaryFiles / 2, "x * " + edit.ToString(CultureInfo.InvariantCulture)), EditedTree.FilePath));

    private static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path);

    private static string OrdinaryFile(int i, string expression) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Linq;

        namespace Bench.App.Area{{i % 20}}
        {
            public sealed class Service{{i}}
            {
                private readonly List<int> _values = new();

                public int Count => _values.Count;

                public void Add(int x) => _values.Add({{expression}});

                public int Sum() => _values.Where(v => v > {{i % 7}}).Sum();

                public override string ToString() => $"Service{{i}} with {Count} values";
            }
        }
        """;

    private static string Declaration(int i)
    {
        string arguments = (i % 3) switch
        {
            0 => $"Project = \"main\", Run = \"run-{i}\"",
            1 => $"BaseUrl = \"/proxy/services/main/run-{i}/v1\"",
            _ => $"Project = \"team-{i % 5}\"",
        };
        return $$"""
            using Dstack.UrlGen;

            namespace Bench.App.Models{{i % 10}}
            {
                [DstackModel("org/model-{{i}}", {{arguments}})]
                public static partial class Model{{i}}
                {
                }
            }
            """;
    }

    private static string LoggerMessage(int i) => $$"""
        using Microsoft.Extensions.Logging;

        namespace Bench.App.Logging{{i % 10}}
        {
            internal static partial class Log{{i}}
            {
                [LoggerMessage(EventId = {{i}}, Level = LogLevel.Information, Message = "Model {Model} answered request {RequestId} in {Elapsed} ms")]
                public static partial void Answered(ILogger logger, string model, int requestId, double elapsed);
            }
        }
        """;
}
