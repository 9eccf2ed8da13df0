using Dstack.UrlGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dstack.UrlGen.Generator.Tests;

/// <summary>A small program that uses the generated members compiles against the runtime and runs.</summary>
public sealed class CompileAndRunTests
{
    private const string Declarations = """
        using Dstack.UrlGen;

        namespace Contoso.App
        {
            [DstackModel("Qwen/Qwen3.6-27B", Project = "main", BaseUrl = "/proxy/services/main/qwen36/v1")]
            public static partial class Qwen
            {
            }

            [DstackModel("openai/gpt-oss-120b", BaseUrl = "https://gateway.example.com/v1")]
            internal partial class Gateway
            {
            }

            [DstackModel("meta-llama/Llama-3.1-8B-Instruct", Run = "llama")]
            internal static partial class ByRun
            {
            }
        }
        """;

    [Fact]
    public async Task The_generated_members_work_at_run_time()
    {
        const string program = """
            using System;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using Dstack.UrlGen;

            namespace Contoso.App
            {
                public static class Program
                {
                    public static string Run()
                    {
                        var text = new StringBuilder();
                        text.AppendLine(Qwen.ModelName + " | " + Qwen.Project + " | " + Qwen.BaseUrl);
                        text.AppendLine(Qwen.GetUrl(new Uri("https://dstack.example.com/some/prefix")).AbsoluteUri);
                        text.AppendLine(Gateway.GetUrl(new Uri("https://dstack.example.com")).AbsoluteUri);
                        text.AppendLine(Qwen.Info.ToString());
                        text.AppendLine(ByRun.Run + " | " + (ByRun.Info.Project ?? "(client's project)"));
                        using (var client = new DstackClient(new Uri("http://127.0.0.1:3000/prefix"), "secret-token", "default"))
                        {
                            DstackModelEndpoint qwen = Qwen.GetEndpointAsync(client).GetAwaiter().GetResult();
                            text.AppendLine(qwen.ModelName + " | " + qwen.Project + " | " + (qwen.RunName ?? "null") + " | " + qwen.Url.AbsoluteUri + " | " + qwen.Kind);
                            text.AppendLine(qwen.ChatCompletionsUrl.AbsoluteUri);
                            DstackModelEndpoint gateway = Gateway.GetEndpointAsync(client).GetAwaiter().GetResult();
                            text.AppendLine(gateway.Project + " | " + gateway.Url.AbsoluteUri + " | " + gateway.Kind);
                            text.AppendLine("cancelled: " + Qwen.GetEndpointAsync(client, new CancellationToken(true)).IsCanceled);
                        }

                        try
                        {
                            Qwen.GetEndpointAsync(null);
                        }
                        catch (ArgumentNullException e)
                        {
                            text.AppendLine("no client: " + e.ParamName);
                        }

                        text.AppendLine(string.Join(", ", DstackModelCatalog.Models.Select(m => m.DeclaringType)));
                        return text.ToString();
                    }
                }
            }
            """;

        string output = await CompileAndRunAsync(ReferenceSet.Runtime, program);

        Assert.Equal(
            """
            Qwen/Qwen3.6-27B | main | /proxy/services/main/qwen36/v1
            https://dstack.example.com/some/prefix/proxy/services/main/qwen36/v1
            https://gateway.example.com/v1
            DstackModelInfo { ModelName = Qwen/Qwen3.6-27B, Project = main, Run = , BaseUrl = /proxy/services/main/qwen36/v1, DeclaringType = Contoso.App.Qwen }
            llama | (client's project)
            Qwen/Qwen3.6-27B | main | null | http://127.0.0.1:3000/prefix/proxy/services/main/qwen36/v1 | Server
            http://127.0.0.1:3000/prefix/proxy/services/main/qwen36/v1/chat/completions
            default | https://gateway.example.com/v1 | Gateway
            cancelled: True
            no client: client
            Contoso.App.ByRun, Contoso.App.Gateway, Contoso.App.Qwen

            """.ReplaceLineEndings(),
            output.ReplaceLineEndings());
    }

    [Fact]
    public async Task The_light_up_members_create_working_OpenAI_and_IChatClient_clients()
    {
        const string program = """
            using System;
            using System.Text;
            using Dstack.UrlGen;
            using Microsoft.Extensions.AI;

            namespace Contoso.App
            {
                public static class Program
                {
                    public static string Run()
                    {
                        var text = new StringBuilder();
                        using (var client = new DstackClient(new Uri("http://127.0.0.1:3000"), "secret-token", "default"))
                        {
                            OpenAI.Chat.ChatClient chat = Qwen.CreateChatClientAsync(client).GetAwaiter().GetResult();
            #pragma warning disable OPENAI001 // The test reads what the generated code configured; the generated code itself uses no evaluation API.
                            text.AppendLine(chat.Model + " | " + chat.Endpoint.AbsoluteUri);
            #pragma warning restore OPENAI001
                            IChatClient chatClient = Gateway.CreateIChatClientAsync(client).GetAwaiter().GetResult();
                            ChatClientMetadata metadata = (ChatClientMetadata)chatClient.GetService(typeof(ChatClientMetadata));
                            text.AppendLine(metadata.DefaultModelId + " | " + metadata.ProviderUri.AbsoluteUri);
                        }

                        return text.ToString();
                    }
                }
            }
            """;

        string output = await CompileAndRunAsync(ReferenceSet.OpenAIAndExtensionsAI, program);

        Assert.Equal(
            """
            Qwen/Qwen3.6-27B | http://127.0.0.1:3000/proxy/services/main/qwen36/v1
            openai/gpt-oss-120b | https://gateway.example.com/v1

            """.ReplaceLineEndings(),
            output.ReplaceLineEndings());
    }

    private static async Task<string> CompileAndRunAsync(ReferenceSet references, string program)
    {
        GeneratorRun run = await GeneratorHarness.RunAsync(new GeneratorInput(Declarations, program) { References = references });
        Assert.Equal(4, run.Sources.Count);
        return ProgramRunner.EmitAndRun(run.OutputCompilation, "Contoso.App.Program");
    }
}
