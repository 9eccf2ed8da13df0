using System.Net;
using Dstack.UrlGen.Tests.Client;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenAI.Chat;

namespace Dstack.UrlGen.Hosting.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public async Task The_client_comes_from_the_Dstack_configuration_section()
    {
        await using var server = await FakeDstackServer.StartAsync("/some/prefix");
        using var host = TestHost.Build(TestHost.SettingsFor(server));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<DstackClient>();
        Assert.Equal(server.ServerUrl, client.ServerUrl);
        Assert.Equal(FakeDstackServer.MainProject, client.Project);
        Assert.Same(client, host.Services.GetRequiredService<DstackClient>());
        Assert.Equal("Qwen/Qwen3.6-27B", (await client.GetRunModelAsync("qwen36")).ModelName);
        Assert.Equal("/some/prefix/api/project/main/runs/get", server.Requests.Single().Path);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_client_comes_from_the_DSTACK_variables_when_the_section_is_empty()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["DSTACK_SERVER_URL"] = server.ServerUrl.AbsoluteUri,
            ["DSTACK_TOKEN"] = FakeDstackServer.Token,
            ["DSTACK_PROJECT"] = "main",
        };
        using var host = TestHost.Build(new Dictionary<string, string?>(), environment: new DstackEnvironment(v => variables.GetValueOrDefault(v), null));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<DstackClient>();
        Assert.Equal(server.ServerUrl, client.ServerUrl);
        Assert.Equal("main", client.Project);
        Assert.Equal("Qwen/Qwen3.6-27B", (await client.GetRunModelAsync("qwen36")).ModelName);
    }

    [Fact]
    public async Task The_client_comes_from_config_yml_with_the_sections_project_and_DSTACK_TOKEN_replacing_the_files_token()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var home = new Home($"""
            projects:
            - name: other
              url: http://127.0.0.1:9
              token: other-token
              default: true
            - name: main
              url: {server.ServerUrl.AbsoluteUri}
              token: stale-token
            """);
        var variables = new Dictionary<string, string?> { ["DSTACK_TOKEN"] = FakeDstackServer.Token };
        using var host = TestHost.Build(
            new Dictionary<string, string?> { ["Dstack:Project"] = "main" },
            environment: new DstackEnvironment(v => variables.GetValueOrDefault(v), home.Path));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<DstackClient>();
        Assert.Equal(server.ServerUrl, client.ServerUrl);
        Assert.Equal("main", client.Project);
        Assert.Equal(FakeDstackServer.Token, client.Token);
    }

    [Fact]
    public async Task A_service_collection_without_configuration_uses_the_DSTACK_variables()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["DSTACK_SERVER_URL"] = server.ServerUrl.AbsoluteUri,
            ["DSTACK_TOKEN"] = FakeDstackServer.Token,
            ["DSTACK_PROJECT"] = "main",
        };
        var services = new ServiceCollection();
        services.AddSingleton(new DstackEnvironment(v => variables.GetValueOrDefault(v), null));
        services.AddDstack().AddModel(TestHost.Qwen);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Equal(server.ServerUrl, provider.GetRequiredService<DstackClient>().ServerUrl);
        Assert.NotNull(provider.GetRequiredKeyedService<IChatClient>("Qwen"));
    }

    [Fact]
    public async Task The_section_wins_over_the_DSTACK_variables()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var variables = new Dictionary<string, string?>
        {
            ["DSTACK_SERVER_URL"] = "http://127.0.0.1:9/",
            ["DSTACK_TOKEN"] = "variable-token",
            ["DSTACK_PROJECT"] = "elsewhere",
        };
        var settings = TestHost.SettingsFor(server);
        settings.Remove("Dstack:Project");
        using var host = TestHost.Build(settings, environment: new DstackEnvironment(v => variables.GetValueOrDefault(v), null));
        await host.StartAsync();

        var client = host.Services.GetRequiredService<DstackClient>();
        Assert.Equal(server.ServerUrl, client.ServerUrl);
        Assert.Equal(FakeDstackServer.Token, client.Token);

        // As with DstackClient.FromEnvironment, DSTACK_PROJECT fills in a project the settings do not give.
        Assert.Equal("elsewhere", client.Project);
    }

    [Fact]
    public async Task The_client_sends_through_the_IHttpClientFactory_client()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var counter = new CountingHandler();
        using var host = TestHost.Build(TestHost.SettingsFor(server), services: s =>
            s.AddHttpClient(DstackServiceCollectionExtensions.ApiHttpClientName).AddHttpMessageHandler(() => counter));
        await host.StartAsync();

        await host.Services.GetRequiredService<DstackClient>().ListModelsAsync();
        Assert.Equal(1, counter.Count);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public void A_model_has_the_keys_run_name_model_name_and_simple_type_name()
    {
        Assert.Equal(new[] { "qwen36", "Qwen/Qwen3.6-27B", "Qwen" }, DstackModelKeys.For(TestHost.Qwen));
        Assert.Equal(new[] { "org/m", "M" }, DstackModelKeys.For(new DstackModelInfo("org/m", null, null, null, "A.B+M")));
        Assert.Equal(new[] { "m" }, DstackModelKeys.For(new DstackModelInfo("m", null, null, null, "m")));
    }

    [Fact]
    public async Task Every_key_resolves_the_same_IChatClient_and_OpenAI_ChatClient()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var host = TestHost.Build(TestHost.SettingsFor(server), d => d.AddModel(TestHost.Qwen).AddModel(TestHost.Llama));

        foreach (var model in new[] { TestHost.Qwen, TestHost.Llama })
        {
            var keys = DstackModelKeys.For(model);
            var chat = host.Services.GetRequiredKeyedService<IChatClient>(keys[0]);
            var openAi = host.Services.GetRequiredKeyedService<ChatClient>(keys[0]);
            Assert.All(keys, k => Assert.Same(chat, host.Services.GetRequiredKeyedService<IChatClient>(k)));
            Assert.All(keys, k => Assert.Same(openAi, host.Services.GetRequiredKeyedService<ChatClient>(k)));
            Assert.Equal(model.ModelName, chat.GetService<ChatClientMetadata>()?.DefaultModelId);
        }

        Assert.NotSame(host.Services.GetRequiredKeyedService<IChatClient>("Qwen"), host.Services.GetRequiredKeyedService<IChatClient>("Llama"));
        Assert.Null(host.Services.GetKeyedService<IChatClient>("qwen"));
    }

    [Fact]
    public async Task The_configure_hook_builds_the_IChatClient_pipeline()
    {
        await using var server = await FakeDstackServer.StartAsync();
        await using var replica = await ModelBackend.StartAsync("replica");
        server.Proxy = replica.HandleAsync;
        var seen = new List<string>();
        using var host = TestHost.Build(TestHost.SettingsFor(server), d => d
            .AddModel(TestHost.Qwen, b => b.Use((messages, options, next, ct) =>
            {
                seen.Add("qwen:" + messages.Last().Text);
                return next(messages, options, ct);
            })));

        var chat = host.Services.GetRequiredKeyedService<IChatClient>("Qwen");
        var response = await chat.GetResponseAsync("through the pipeline");
        Assert.Equal(replica.Reply("Qwen/Qwen3.6-27B"), response.Text);
        Assert.Equal(new[] { "qwen:through the pipeline" }, seen);

        // The OpenAI ChatClient is the pipeline's innermost client, not wrapped by it.
        await host.Services.GetRequiredKeyedService<ChatClient>("Qwen").CompleteChatAsync("direct");
        Assert.Single(seen);
    }

    [Fact]
    public async Task AddModels_registers_each_model_and_gives_the_hook_the_model()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var configured = new List<string>();
        using var host = TestHost.Build(TestHost.SettingsFor(server), d => d
            .AddModels(new[] { TestHost.Qwen, TestHost.Llama }, (model, b) => configured.Add(model.DeclaringType)));

        Assert.NotNull(host.Services.GetKeyedService<IChatClient>("llama31-gw"));
        Assert.NotNull(host.Services.GetKeyedService<ChatClient>("qwen36"));
        Assert.Equal(new[] { "Contoso.Models.Qwen", "Contoso.Models.Llama" }, configured);
    }

    [Fact]
    public void Two_models_with_one_key_are_refused_with_both_named()
    {
        var services = new ServiceCollection();
        var dstack = services.AddDstack().AddModel(TestHost.Qwen);
        var other = new DstackModelInfo("Qwen/Qwen3.6-27B-GW", null, "qwen36-gw", null, "Other.Qwen");

        var ex = Assert.Throws<InvalidOperationException>(() => dstack.AddModel(other));
        Assert.Equal(
            "The dstack models Contoso.Models.Qwen (\"Qwen/Qwen3.6-27B\") and Other.Qwen (\"Qwen/Qwen3.6-27B-GW\") both have the service key \"Qwen\" "
            + "(keys are the run name, the model name and the declaring type's simple name). Rename one of the types, or give the models different runs.",
            ex.Message);
        Assert.Contains("already registered", Assert.Throws<InvalidOperationException>(() => dstack.AddModel(TestHost.Qwen)).Message);
    }

    [Theory]
    [InlineData("", "qwen36", null, "Contoso.Q", "is empty or only white space")]
    [InlineData("org/m", "Qwen36", null, "Contoso.Q", "Qwen36")]
    [InlineData("org/m", null, "bad project!", "Contoso.Q", "bad project!")]
    [InlineData("org/m", null, null, "", "has no DeclaringType")]
    public void A_bad_declaration_is_refused_when_registered(string modelName, string? run, string? project, string declaringType, string expected)
    {
        var dstack = new ServiceCollection().AddDstack();
        var ex = Assert.Throws<ArgumentException>(() => dstack.AddModel(new DstackModelInfo(modelName, project, run, null, declaringType)));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal("model", ex.ParamName);
    }

    [Fact]
    public void AddDstack_twice_shares_one_registry()
    {
        var services = new ServiceCollection();
        services.AddDstack().AddModel(TestHost.Qwen);
        int count = services.Count;
        var again = services.AddDstack();

        Assert.Equal(count, services.Count);
        Assert.Throws<InvalidOperationException>(() => again.AddModel(TestHost.Qwen));
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        public int Count;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
