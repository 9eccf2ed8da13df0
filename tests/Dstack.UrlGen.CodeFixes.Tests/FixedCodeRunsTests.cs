using Dstack.UrlGen.CodeFixes.Tests.Infrastructure;

namespace Dstack.UrlGen.CodeFixes.Tests;

/// <summary>
/// The fixes are applied to hand-written client code, the fixed code is compiled with the runtime library and run,
/// and its URLs are compared with the resolution table of docs/analyzers.md (from the runtime's rules); the original code is run too, to show that the
/// fix changed what it computes.
/// </summary>
public class FixedCodeRunsTests
{
    private const string Client = """
        using System;
        using System.Text.Json.Serialization;

        namespace Client;

        public sealed class ServiceModel
        {
            [JsonPropertyName("base_url")]
            public string BaseUrl { get; set; } = "";
        }

        public sealed class Service { [JsonPropertyName("model")] public ServiceModel? Model { get; set; } }

        public sealed class Run { [JsonPropertyName("service")] public Service? Service { get; set; } }

        public static class Urls
        {
            public static string Join(string server, string raw)
            {
                var model = new ServiceModel { BaseUrl = raw };
                return server + model.BaseUrl;
            }

            public static string Chat(string server, string raw)
            {
                var model = new ServiceModel { BaseUrl = raw };
                return $"{server}/{model.BaseUrl}/chat/completions";
            }

            public static Uri Rfc(string server, string raw)
            {
                var model = new ServiceModel { BaseUrl = raw };
                return new Uri(new Uri(server), model.BaseUrl);
            }

            public static bool IsGateway(string raw)
            {
                var model = new ServiceModel { BaseUrl = raw };
                return Uri.TryCreate(model.BaseUrl, UriKind.Absolute, out _);
            }
        }
        """;

    /// <summary>The resolution rules' table (docs/analyzers.md, "The fix"), plus the trailing-slash server of the issue.</summary>
    public static TheoryData<string, string, string> DesignTable => new()
    {
        { "http://localhost:3000", "/proxy/models/main/", "http://localhost:3000/proxy/models/main/" },
        { "http://localhost:3000/", "/proxy/models/main/", "http://localhost:3000/proxy/models/main/" },
        { "http://localhost:3000/", "/proxy/services/main/qwen36/v1", "http://localhost:3000/proxy/services/main/qwen36/v1" },
        { "https://dstack.example.com/some/prefix", "/proxy/models/main", "https://dstack.example.com/some/prefix/proxy/models/main" },
        { "https://dstack.example.com/some/prefix/", "proxy/models/main/", "https://dstack.example.com/some/prefix/proxy/models/main/" },
        { "http://localhost:3000", "https://gateway.example.com", "https://gateway.example.com/" },
        { "https://dstack.example.com/some/prefix", "https://qwen36.example.com/v1", "https://qwen36.example.com/v1" },
    };

    private static readonly Lazy<Task<string>> FixedClient = new(() => FixApplier.ApplyAllAsync(
        Client, new BaseUrlJoinCodeFix(), new RfcResolutionCodeFix(), new StandaloneUriCodeFix()));

    [Theory]
    [MemberData(nameof(DesignTable))]
    public async Task Fixed_join_gives_the_design_result(string server, string baseUrl, string expected)
    {
        using var code = ScratchAssembly.Compile(await FixedClient.Value);

        Assert.Equal(expected, code.Invoke("Client.Urls", "Join", server, baseUrl));
    }

    [Theory]
    [MemberData(nameof(DesignTable))]
    public async Task Fixed_RFC_resolution_gives_the_design_result(string server, string baseUrl, string expected)
    {
        using var code = ScratchAssembly.Compile(await FixedClient.Value);

        Assert.Equal(expected, ((Uri)code.Invoke("Client.Urls", "Rfc", server, baseUrl)!).AbsoluteUri);
    }

    [Theory]
    [MemberData(nameof(DesignTable))]
    public async Task Fixed_chat_url_is_the_design_result_plus_chat_completions(string server, string baseUrl, string expected)
    {
        using var code = ScratchAssembly.Compile(await FixedClient.Value);

        Assert.Equal(expected.TrimEnd('/') + "/chat/completions", code.Invoke("Client.Urls", "Chat", server, baseUrl));
    }

    [Theory]
    [InlineData("/proxy/models/main/", false)]
    [InlineData("proxy/services/main/qwen36/v1", false)]
    [InlineData("https://qwen36.example.com/v1", true)]
    public async Task Fixed_gateway_check_tells_the_forms_apart(string baseUrl, bool gateway)
    {
        using var code = ScratchAssembly.Compile(await FixedClient.Value);

        Assert.Equal(gateway, code.Invoke("Client.Urls", "IsGateway", baseUrl));
    }

    [Fact]
    public async Task Every_flagged_expression_was_rewritten()
    {
        string fixedClient = await FixedClient.Value;

        Assert.Contains("return DstackUrl.Resolve(server, model.BaseUrl).AbsoluteUri;", fixedClient, StringComparison.Ordinal);
        Assert.Contains("return DstackUrl.ChatCompletions(DstackUrl.Resolve(server, model.BaseUrl)).AbsoluteUri;", fixedClient, StringComparison.Ordinal);
        Assert.Contains("return DstackUrl.Resolve(new Uri(server), model.BaseUrl);", fixedClient, StringComparison.Ordinal);
        Assert.Contains("return DstackUrl.Classify(model.BaseUrl) == DstackUrlKind.Gateway;", fixedClient, StringComparison.Ordinal);
        Assert.Contains("using Dstack.UrlGen;", fixedClient, StringComparison.Ordinal);
    }

    [Fact]
    public void Original_code_gets_the_design_cases_wrong()
    {
        using var code = ScratchAssembly.Compile(Client);

        Assert.Equal("http://localhost:3000//proxy/models/main/", code.Invoke("Client.Urls", "Join", "http://localhost:3000/", "/proxy/models/main/"));
        Assert.Equal("http://localhost:3000https://gateway.example.com", code.Invoke("Client.Urls", "Join", "http://localhost:3000", "https://gateway.example.com"));
        Assert.Equal(
            "https://dstack.example.com/proxy/models/main",
            ((Uri)code.Invoke("Client.Urls", "Rfc", "https://dstack.example.com/some/prefix", "/proxy/models/main")!).AbsoluteUri);
        if (!OperatingSystem.IsWindows())
        {
            // "/proxy/…" parses as file:///proxy/… on Unix, so the hand-written check calls it a gateway URL.
            Assert.Equal(true, code.Invoke("Client.Urls", "IsGateway", "/proxy/models/main/"));
        }
    }
}
