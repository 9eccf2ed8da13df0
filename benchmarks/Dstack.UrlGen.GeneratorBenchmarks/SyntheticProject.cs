using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.GeneratorBenchmarks;

/// <summary>
/// A synthetic application: ordinary files, files with one <c>[DstackModel]</c> declaration each, dstack service
/// configurations (<c>*.dstack.yml</c> additional files), and files with one <c>[LoggerMessage]</c> method each, so
/// both generators run on one and the same compilation.
/// </summary>
internal sealed class SyntheticProject
{
    public const int OrdinaryFiles = 1_000;
    public const int DefaultDeclarations = 100;
    public const int DefaultConfigurations = 50;
    public const int LoggerMessages = 100;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public SyntheticProject(int declarations = DefaultDeclarations, int configurations = DefaultConfigurations)
    {
        Declarations = declarations;
        Configurations = configurations;
        var trees = new List<SyntaxTree>(OrdinaryFiles + declarations + LoggerMessages);
        for (int i = 0; i < OrdinaryFiles; i++)
        {
            trees.Add(Parse(OrdinaryFile(i, "x * 2"), $"Ordinary{i}.cs"));
        }

        for (int i = 0; i < declarations; i++)
        {
            trees.Add(Parse(Declaration(i), $"Model{i}.cs"));
        }

        var texts = new List<AdditionalText>(configurations + 1);
        for (int i = 0; i < configurations; i++)
        {
            texts.Add(new InMemoryText($"/bench/deploy/service-{i}.dstack.yml", Configuration(i)));
        }

        // An additional file that is not a dstack configuration: the generator must ignore it cheaply.
        texts.Add(new InMemoryText("/bench/appsettings.json", "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } } }"));
        AdditionalTexts = texts;

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

    /// <summary>The number of <c>[DstackModel]</c> declarations.</summary>
    public int Declarations { get; }

    /// <summary>The number of dstack service configurations among <see cref="AdditionalTexts"/>.</summary>
    public int Configurations { get; }

    /// <summary>The project's additional files: the dstack configurations and one unrelated file.</summary>
    public IReadOnlyList<AdditionalText> AdditionalTexts { get; }

    /// <summary>The files our generator writes: one per model (declared or configured) and the catalog, if any model.</summary>
    public int ExpectedDstackFiles => Declarations + Configurations == 0 ? 0 : Declarations + Configurations + 1;

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

    /// <summary>A service configuration as teams write them: comments, a multi-line command, both model forms.</summary>
    private static string Configuration(int i) => (i % 2) switch
    {
        0 => $$"""
            # Service {{i}}: served by SGLang.
            type: service
            name: service-{{i}}
            image: lmsysorg/sglang:latest
            env:
              - HF_TOKEN
            commands:
              - |
                python3 -m sglang.launch_server \
                  --model-path org/served-{{i}} \
                  --port 8000
            port: 8000
            model: org/served-{{i}}
            resources:
              gpu: 24GB..
            """,
        _ => $$"""
            type: service
            name: "service-{{i}}"
            image: vllm/vllm-openai:latest
            commands: [ "vllm serve org/served-{{i}} --port 8000" ]
            port: 8000
            model: { type: chat, name: org/served-{{i}}, format: openai }
            """,
    };

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

/// <summary>An additional file held in memory, as the compiler hands <c>AdditionalFiles</c> to a generator.</summary>
internal sealed class InMemoryText(string path, string text) : AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);

    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
