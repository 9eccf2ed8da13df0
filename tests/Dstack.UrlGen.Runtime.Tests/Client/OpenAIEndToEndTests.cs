using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Dstack.UrlGen.Tests.Client;

/// <summary>
/// From the dstack server's run to a chat completion through the real OpenAI SDK (and Microsoft.Extensions.AI),
/// for a model behind a gateway (absolute base_url), behind the server's proxy (relative base_url), and behind
/// the proxy of a server with a path prefix.
/// </summary>
public class OpenAIEndToEndTests
{
    public enum Placement
    {
        Gateway,
        ServerProxy,
        PrefixedServerProxy,
    }

    [Theory]
    [InlineData(Placement.Gateway, false)]
    [InlineData(Placement.ServerProxy, false)]
    [InlineData(Placement.PrefixedServerProxy, false)]
    [InlineData(Placement.Gateway, true)]
    [InlineData(Placement.ServerProxy, true)]
    [InlineData(Placement.PrefixedServerProxy, true)]
    public async Task ChatClient_reaches_the_model_with_the_dstack_token(Placement placement, bool byRun)
    {
        await using var setup = await Setup.StartAsync(placement);
        using var client = setup.Dstack.CreateClient();
        var endpoint = byRun ? await client.GetRunModelAsync(setup.RunName) : await client.GetModelAsync(setup.ModelName);

        ChatCompletion completion = DstackOpenAI.CreateChatClient(client, endpoint).CompleteChat(new UserChatMessage("ping"));

        Assert.Equal(FakeChatModel.Reply, completion.Content[0].Text);
        setup.AssertOneChatRequest();
    }

    [Theory]
    [InlineData(Placement.Gateway)]
    [InlineData(Placement.ServerProxy)]
    [InlineData(Placement.PrefixedServerProxy)]
    public async Task IChatClient_reaches_the_model_with_the_dstack_token(Placement placement)
    {
        await using var setup = await Setup.StartAsync(placement);
        using var client = setup.Dstack.CreateClient();
        var endpoint = await client.GetModelAsync(setup.ModelName);

        using var chat = DstackOpenAI.CreateIChatClient(client, endpoint);
        var response = await chat.GetResponseAsync("ping");

        Assert.Equal(FakeChatModel.Reply, response.Text);
        setup.AssertOneChatRequest();
    }

    [Fact]
    public async Task The_OpenAI_SDK_posts_to_the_endpoints_ChatCompletionsUrl()
    {
        await using var setup = await Setup.StartAsync(Placement.PrefixedServerProxy);
        using var client = setup.Dstack.CreateClient();
        var endpoint = await client.GetModelAsync(setup.ModelName);

        await DstackOpenAI.CreateChatClient(client, endpoint).CompleteChatAsync(new UserChatMessage("ping"));

        Assert.Equal(endpoint.ChatCompletionsUrl.AbsolutePath, Assert.Single(setup.Model.Requests).Path);
    }

    [Fact]
    public void The_runtime_does_not_reference_OpenAI()
    {
        var references = typeof(DstackClient).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain(references, n => n!.StartsWith("OpenAI", StringComparison.Ordinal) || n.StartsWith("Microsoft.Extensions.AI", StringComparison.Ordinal));
    }

    /// <summary>A dstack server and, for the gateway case, a separate gateway origin, both serving the fake model.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private LoopbackServer? _gateway;

        private Setup(FakeDstackServer dstack, string expectedPath)
        {
            Dstack = dstack;
            ExpectedPath = expectedPath;
        }

        public FakeDstackServer Dstack { get; }

        public FakeChatModel Model { get; } = new();

        public string ExpectedPath { get; private set; }

        public string ModelName => "Qwen/Qwen3.6-27B";

        public string RunName => "qwen36";

        public static async Task<Setup> StartAsync(Placement placement)
        {
            string prefix = placement == Placement.PrefixedServerProxy ? "/some/prefix" : string.Empty;
            var dstack = await FakeDstackServer.StartAsync(prefix);
            var setup = new Setup(dstack, prefix + "/proxy/services/main/qwen36/v1/chat/completions");
            var run = RunFixtures.Load("run_server_openai.json");
            if (placement == Placement.Gateway)
            {
                setup._gateway = await LoopbackServer.StartAsync(setup.Model.HandleAsync);
                run = RunFixtures.WithBaseUrl(run, setup._gateway.BaseAddress.AbsoluteUri + "v1");
                setup.ExpectedPath = "/v1/chat/completions";
            }
            else
            {
                dstack.Proxy = setup.Model.HandleAsync;
            }

            dstack.Runs = new() { run, RunFixtures.Load("run_gateway_openai.json") };
            return setup;
        }

        public void AssertOneChatRequest()
        {
            var request = Assert.Single(Model.Requests);
            Assert.Equal("POST", request.Method);
            Assert.Equal(ExpectedPath, request.Path);
            Assert.Equal("Bearer " + FakeDstackServer.Token, request.Authorization);
            Assert.Equal(ModelName, request.Json!["model"]!.GetValue<string>());
            Assert.Equal("ping", request.Json!["messages"]![0]!["content"]!.ToString());
        }

        public async ValueTask DisposeAsync()
        {
            if (_gateway is not null)
            {
                await _gateway.DisposeAsync();
            }

            await Dstack.DisposeAsync();
        }
    }
}
