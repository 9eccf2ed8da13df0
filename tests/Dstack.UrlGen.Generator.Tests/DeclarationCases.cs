using System.Collections.Immutable;
using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>A declaration shape whose generated files are committed under Expected/&lt;Name&gt;/.</summary>
/// <param name="Name">The case's name and folder.</param>
/// <param name="Input">The compilation; its language version is the one the snapshot is taken at.</param>
/// <param name="MinimumVersion">The oldest C# version in which the user's own code of the case is valid.</param>
public sealed record DeclarationCase(string Name, GeneratorInput Input, LanguageVersion MinimumVersion = LanguageVersion.CSharp7_3);

/// <summary>The declaration shapes the snapshot and compile tests cover.</summary>
public static class DeclarationCases
{
    /// <summary>The public surface of Dstack.UrlGen.Hosting that the catalog's AddDeclaredModels calls, as a source stub.</summary>
    public const string HostingStub = """
        namespace Dstack.UrlGen.Hosting
        {
            public interface IDstackBuilder
            {
            }

            public static class DstackBuilderExtensions
            {
                public static System.Collections.Generic.List<Dstack.UrlGen.DstackModelInfo> Added { get; } = new System.Collections.Generic.List<Dstack.UrlGen.DstackModelInfo>();

                public static IDstackBuilder AddModel(this IDstackBuilder builder, Dstack.UrlGen.DstackModelInfo model)
                {
                    Added.Add(model);
                    return builder;
                }

                public static IDstackBuilder AddModels(this IDstackBuilder builder, System.Collections.Generic.IEnumerable<Dstack.UrlGen.DstackModelInfo> models)
                {
                    foreach (Dstack.UrlGen.DstackModelInfo model in models)
                    {
                        AddModel(builder, model);
                    }

                    return builder;
                }
            }
        }
        """;

    /// <summary>A source file with no declaration, for the cases whose models come from dstack configurations only.</summary>
    private const string NoDeclaration = """
        namespace Contoso.App
        {
            public static class Program
            {
            }
        }
        """;

    public static ImmutableArray<DeclarationCase> All { get; } =
    [
        new("NameOnly_FileScopedNamespace", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models;

            [DstackModel("meta-llama/Llama-3.1-8B-Instruct")]
            public static partial class Llama
            {
            }
            """), LanguageVersion.CSharp10),

        new("ProjectAndRun_BlockNamespace", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
                public static partial class Qwen
                {
                }
            }
            """)),

        new("RunOnly_GlobalNamespace_Internal", new GeneratorInput("""
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
            internal static partial class Qwen
            {
            }
            """)),

        new("ProjectOnly_NonStatic", new GeneratorInput("""
            namespace Contoso.Chat
            {
                [Dstack.UrlGen.DstackModel("mistralai/Mistral-7B-Instruct-v0.3", Project = "research")]
                public partial class Mistral
                {
                    public string Describe() => ModelName + " in " + Project;
                }
            }
            """)),

        new("BaseUrlGateway_WinsOverRun", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36", BaseUrl = "https://qwen36.example.com/v1")]
                public static partial class Qwen
                {
                }
            }
            """)),

        new("BaseUrlServerPath_ClientProject", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", BaseUrl = "/proxy/services/main/qwen36/v1")]
                internal static partial class Qwen
                {
                }
            }
            """)),

        new("Nested_InPartialClasses", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Ai
            {
                public static partial class Models
                {
                    internal partial class Chat
                    {
                        [DstackModel("Qwen/Qwen3.6-27B", Project = "main")]
                        private static partial class Qwen
                        {
                        }

                        public static string Name => Qwen.ModelName;
                    }
                }
            }
            """)),

        new("Nested_InStructAndInterface", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Ai
            {
                public readonly partial struct Catalogs
                {
                    internal partial interface IChat
                    {
                        [DstackModel("google/gemma-2-9b-it", Run = "gemma")]
                        public partial class Gemma
                        {
                        }
                    }
                }
            }
            """), LanguageVersion.CSharp8),

        new("Record_InRecordStruct", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Ai;

            public partial record struct Holder
            {
                [DstackModel("mistralai/Mixtral-8x7B", Project = "main", BaseUrl = "/proxy/models/main/")]
                public sealed partial record Mixtral;
            }
            """), LanguageVersion.CSharp10),

        new("OpenAI_ProjectAndRun", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
                public static partial class Qwen
                {
                }
            }
            """) { References = ReferenceSet.OpenAI }),

        new("OpenAIAndExtensionsAI_ServerPath", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Project = "main", BaseUrl = "/proxy/services/main/qwen36/v1")]
                public static partial class Qwen
                {
                }
            }
            """) { References = ReferenceSet.OpenAIAndExtensionsAI }),

        new("OpenAIAndExtensionsAI_CSharp73", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("meta-llama/Llama-3.1-8B-Instruct")]
                public partial class Llama
                {
                }
            }
            """) { References = ReferenceSet.OpenAIAndExtensionsAI, LanguageVersion = LanguageVersion.CSharp7_3 }),

        new("CSharp73_Gateway", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", BaseUrl = "https://gateway.example.com")]
                internal static partial class Qwen
                {
                }
            }
            """) { LanguageVersion = LanguageVersion.CSharp7_3 }),

        new("EscapedNamesAndValues", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.@event.@namespace
            {
                [DstackModel("Qwen \"quoted\" \\ back\tslash — Ünïcode 模型 😀", Project = "team_a-1", BaseUrl = "/proxy/models/main/?api-version=2024")]
                public static partial class Quirky
                {
                }
            }
            """)),

        new("Catalog_SortedAcrossFiles", new GeneratorInput(
            """
            using Dstack.UrlGen;

            namespace Contoso.Zeta
            {
                [DstackModel("z-model", Run = "zeta")]
                public static partial class Zed
                {
                }
            }
            """,
            """
            using Dstack.UrlGen;

            namespace Contoso.Alpha
            {
                [DstackModel("a-model", Project = "main")]
                public static partial class Able
                {
                }

                [DstackModel("b-model", BaseUrl = "https://b.example.com/v1")]
                internal static partial class Baker
                {
                }
            }
            """)),

        new("Catalog_AssemblyNameFallback", new GeneratorInput("""
            using Dstack.UrlGen;

            [DstackModel("Qwen/Qwen3.6-27B")]
            public static partial class Qwen
            {
            }
            """) { RootNamespace = null, AssemblyName = "my-app.2024.class" }),

        new("InvalidDeclarations_Skipped", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Project = "main")]
                public static partial class Valid
                {
                }

                [DstackModel("  ")]
                public static partial class EmptyName
                {
                }

                [DstackModel("m", BaseUrl = "//evil.example.com/v1")]
                public static partial class NetworkPath
                {
                }

                [DstackModel("m", Project = "not a project")]
                public static partial class BadProject
                {
                }

                [DstackModel("m", Run = "Upper")]
                public static partial class BadRun
                {
                }

                [DstackModel("m")]
                public partial class Generic<T>
                {
                }
            }
            """)),

        new("PartialAcrossFiles_AttributeOnSecondPart", new GeneratorInput(
            """
            namespace Contoso.Models
            {
                public static partial class Split
                {
                    public static string Describe() => ModelName;
                }
            }
            """,
            """
            namespace Contoso.Models
            {
                [Dstack.UrlGen.DstackModel("Qwen/Qwen3.6-27B", Project = "main", Run = "qwen36")]
                static partial class Split
                {
                }
            }
            """)),

        // dstack service configurations (*.dstack.yml): no attribute at all.
        new("Configuration_StringModel", new GeneratorInput(NoDeclaration)
        {
            AdditionalFiles = [("/repo/app/qwen36.dstack.yml", """
                # Qwen 3.6 on SGLang, applied with: dstack apply -f qwen36.dstack.yml
                type: service
                name: qwen36
                image: lmsysorg/sglang:latest
                env:
                  - HF_TOKEN
                commands:
                  - |
                    python3 -m sglang.launch_server \
                      --model-path Qwen/Qwen3.6-27B \
                      --port 8000
                port: 8000
                model: Qwen/Qwen3.6-27B   # service.model.name on the server
                gateway: true
                """)],
        }),

        new("Configuration_ObjectModelWithPrefix_NoName", new GeneratorInput(NoDeclaration)
        {
            RootNamespace = null,
            AdditionalFiles = [("/repo/app/deploy/llama-3-8b.dstack.yml", """
                type: service
                image: vllm/vllm-openai:latest
                commands: ["vllm serve meta-llama/Llama-3.1-8B-Instruct --port 8000"]
                port: 8000
                model: {type: chat, name: "meta-llama/Llama-3.1-8B-Instruct", format: openai, prefix: /v1}
                """)],
        }),

        new("Configuration_SeveralFiles_WithTaskAndDeclaration", new GeneratorInput("""
            using Dstack.UrlGen;

            namespace Contoso.App.Models
            {
                [DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
                public static partial class Qwen
                {
                }
            }
            """)
        {
            References = ReferenceSet.OpenAIAndExtensionsAI,
            AdditionalFiles =
            [
                ("/repo/app/qwen36.dstack.yml", "type: service\nname: qwen36\nport: 8000\nmodel: Qwen/Qwen3.6-27B\ncommands: [\"serve\"]\n"),
                ("/repo/app/gemma/.dstack.yml", """
                    defaults: &defaults
                      type: service
                      port: 8000
                    <<: *defaults
                    name: 'gemma-3'
                    model:
                      type: chat
                      name: >-
                        google/gemma-3-27b-it
                      format: tgi
                    """),
                ("/repo/app/train.dstack.yml", "type: task\nname: train\ncommands: [\"python train.py\"]\n"),
                ("/repo/app/fleet.dstack.yml", "type: fleet\nname: gpus\nnodes: 2\n"),
                ("/repo/app/appsettings.json", "{ \"model\": \"not a dstack file\" }"),
            ],
        }),

        new("Configuration_DuplicateAndInvalid_Skipped", new GeneratorInput(NoDeclaration)
        {
            AdditionalFiles =
            [
                ("/repo/app/b/chat.dstack.yml", "type: service\nname: chat\nport: 80\nmodel: second/model\n"),
                ("/repo/app/a/chat.dstack.yml", "type: service\nname: chat\nport: 80\nmodel: first/model\n"),
                ("/repo/app/broken.dstack.yml", "type: service\nname: broken\nmodel: [unclosed\n"),
                ("/repo/app/badname.dstack.yml", "type: service\nname: Bad_Name\nmodel: some/model\n"),
                ("/repo/app/nomodel.dstack.yml", "type: service\nname: web\nport: 80\n"),
            ],
        }),

        new("Configuration_CSharp73", new GeneratorInput(NoDeclaration)
        {
            LanguageVersion = LanguageVersion.CSharp7_3,
            References = ReferenceSet.OpenAIAndExtensionsAI,
            AdditionalFiles = [("/repo/app/mistral.dstack.yml", "type: service\nname: mistral-small\nport: 8000\nmodel:\n  name: mistralai/Mistral-Small-3.1\n  format: openai\n")],
        }),

        // Dstack.UrlGen.Hosting referenced (here a source stub of its contract): the catalog gets AddDeclaredModels.
        new("Hosting_AddDeclaredModels", new GeneratorInput(HostingStub, """
            namespace Contoso.App.Models
            {
                [Dstack.UrlGen.DstackModel("Qwen/Qwen3.6-27B", Run = "qwen36")]
                public static partial class Qwen
                {
                }
            }
            """)
        {
            AdditionalFiles = [("/repo/app/llama.dstack.yml", "type: service\nname: llama\nport: 8000\nmodel: meta-llama/Llama-3.1-8B-Instruct\n")],
        }),
    ];

    public static DeclarationCase Get(string name) => All.Single(c => c.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (DeclarationCase c in All)
        {
            data.Add(c.Name);
        }

        return data;
    }
}
