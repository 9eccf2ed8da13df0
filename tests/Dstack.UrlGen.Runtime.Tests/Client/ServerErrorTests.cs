using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Dstack.UrlGen.Tests.Client;

public class ServerErrorTests
{
    [Fact]
    public async Task A_refused_token_is_an_authentication_error_pointing_at_DSTACK_TOKEN()
    {
        await using var server = await FakeDstackServer.StartAsync();
        const string wrongToken = "wrong-token-5b0e";
        using var client = server.CreateClient(token: wrongToken);

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        Assert.Equal(403, error.StatusCode);
        Assert.Equal("Invalid token", error.ServerMessage);
        Assert.Contains("(HTTP 403 Forbidden: Invalid token)", error.Message);
        Assert.DoesNotContain("{", error.Message);
        Assert.Contains("DSTACK_TOKEN", error.Message);
        Assert.Contains("~/.dstack/config.yml", error.Message);
        Assert.Contains(server.ServerUrl.OriginalString, error.Message);
        Assert.Contains("project 'main'", error.Message);
        Assert.Equal("Bearer " + wrongToken, Assert.Single(server.Requests).Authorization);
        ErrorAssert.NoToken(error, wrongToken);
    }

    [Fact]
    public async Task A_403_is_an_authentication_error()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => FakeResponse.DstackError(403, "Access denied");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackAuthenticationException>(() => client.GetRunModelAsync("qwen36"));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("run 'qwen36' of project 'main'", error.Message);
        Assert.Contains("Access denied", error.Message);
        ErrorAssert.NoToken(error);
    }

    [Fact]
    public async Task A_5xx_carries_the_message_of_dstacks_error_shape()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => FakeResponse.DstackError(500, "database is locked");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        Assert.Equal(typeof(DstackApiException), error.GetType());
        Assert.Equal(500, error.StatusCode);
        Assert.Equal("database is locked", error.ServerMessage);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("database is locked", error.Message);
        Assert.Contains("the runs of project 'main'", error.Message);
        Assert.Contains(server.ServerUrl.OriginalString, error.Message);
    }

    [Fact]
    public async Task A_5xx_in_plain_text_carries_the_text_on_one_line()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => new FakeResponse(502, "Bad gateway:\n  upstream\tclosed", "text/plain");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.ListModelsAsync());

        Assert.Equal(502, error.StatusCode);
        Assert.Equal("Bad gateway: upstream closed", error.ServerMessage);
    }

    [Fact]
    public async Task A_FastAPI_string_detail_is_the_server_message()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => new FakeResponse(422, """{"detail":"Unprocessable request"}""");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.ListModelsAsync());

        Assert.Equal(422, error.StatusCode);
        Assert.Equal("Unprocessable request", error.ServerMessage);
        Assert.Contains("unexpected status", error.Message);
    }

    [Theory]
    [InlineData("""{"detail":{"msg":"Invalid token","code":null}}""", "Invalid token")]
    [InlineData("""{"detail":{"msg":"Run not found","code":"resource_not_exists"}}""", "Run not found")]
    [InlineData("""{"detail":[{"type":"missing","loc":["body","force"],"msg":"Field required","input":{}}]}""", "Field required")]
    [InlineData("""{"detail":{"code":"error"}}""", null)]
    [InlineData("""{"detail":42}""", null)]
    [InlineData("""{"detail":null}""", null)]
    public async Task Every_detail_shape_gives_its_message_and_never_raw_JSON(string body, string? expected)
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => new FakeResponse(500, body);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.ListModelsAsync());

        Assert.Equal(expected, error.ServerMessage);
        Assert.DoesNotContain("{", error.Message);
        Assert.DoesNotContain("\"detail\"", error.Message);
    }

    [Fact]
    public async Task Messages_name_the_sources_the_application_gives_and_not_the_environment()
    {
        await using var server = await FakeDstackServer.StartAsync();
        var options = new DstackClientOptions { ServerUrlSource = "--server", TokenSource = "--token", ProjectSource = "--project" };
        using var wrongToken = new DstackClient(server.ServerUrl, "wrong-token-5b0e", "main", null, options);
        using var noProject = new DstackClient(server.ServerUrl, FakeDstackServer.Token, "nosuchproject", null, options);

        var auth = await Assert.ThrowsAsync<DstackAuthenticationException>(() => wrongToken.ListModelsAsync());
        var project = await Assert.ThrowsAsync<DstackNotFoundException>(() => noProject.ListModelsAsync());
        var otherProject = await Assert.ThrowsAsync<DstackNotFoundException>(() => noProject.ListModelsAsync("otherproject"));

        Assert.Contains("Check --token:", auth.Message);
        Assert.Contains("Check the project name (--project)", project.Message);
        Assert.Contains("that --server includes", project.Message);
        Assert.Contains("(the project argument or [DstackModel(Project = …)])", otherProject.Message);
        foreach (var error in new Exception[] { auth, project, otherProject })
        {
            Assert.DoesNotContain("DSTACK_", error.Message);
            Assert.DoesNotContain("config.yml", error.Message);
        }
    }

    [Fact]
    public async Task A_server_that_echoes_the_token_does_not_leak_it()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = r => new FakeResponse(500, "failed for request with Authorization: " + r.Authorization, "text/plain");
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.ListModelsAsync());

        Assert.Equal("failed for request with Authorization: Bearer ***", error.ServerMessage);
        ErrorAssert.NoToken(error);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("<html><body>Sign in</body></html>", "text/html")]
    [InlineData("{\"runs\": []}", "application/json")]
    [InlineData("null", "application/json")]
    [InlineData("[{\"id\": 42}]", "application/json")]
    public async Task A_body_that_is_not_dstacks_JSON_is_an_api_error(string body, string contentType)
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => new FakeResponse(200, body, contentType);
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        Assert.Equal(200, error.StatusCode);
        Assert.Contains("not the JSON a dstack server sends", error.Message);
        Assert.Contains("the runs of project 'main'", error.Message);
        Assert.True(body == "null" || error.InnerException is JsonException, error.ToString());
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_is_an_api_error_with_status_0()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Delay = TimeSpan.FromSeconds(30);
        using var client = server.CreateClient(new DstackClientOptions { Timeout = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("did not answer within 0.3 s", error.Message);
        Assert.Contains("DstackClientOptions.Timeout", error.Message);
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task A_refused_connection_is_an_api_error_with_status_0()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new DstackClient(new Uri($"http://127.0.0.1:{port}"), FakeDstackServer.Token, "main");

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.GetRunModelAsync("qwen36"));

        Assert.Equal(0, error.StatusCode);
        Assert.StartsWith($"Could not reach the dstack server http://127.0.0.1:{port}", error.Message);
        Assert.Contains("DSTACK_SERVER_URL", error.Message);
        Assert.IsType<HttpRequestException>(error.InnerException);
        ErrorAssert.NoToken(error);
    }

    [Theory]
    [InlineData("//evil.example.com/v1", DstackUrlError.NetworkPath)]
    [InlineData("javascript:alert(1)", DstackUrlError.UnsupportedScheme)]
    [InlineData("/proxy/services/main/../../admin", DstackUrlError.DotSegment)]
    [InlineData("https://user@evil.example.com/v1", DstackUrlError.UserInfo)]
    public async Task A_base_url_the_resolver_refuses_is_an_api_error_with_the_url_error_inside(string baseUrl, DstackUrlError expected)
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Runs = new() { RunFixtures.WithBaseUrl(RunFixtures.Load("run_server_openai.json"), baseUrl) };
        using var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<DstackApiException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));

        var urlError = Assert.IsType<DstackUrlException>(error.InnerException);
        Assert.Equal(expected, urlError.Error);
        Assert.Equal(baseUrl, urlError.BaseUrl);
        Assert.Contains("model 'Qwen/Qwen3.6-27B' (run 'qwen36' of project 'main')", error.Message);
    }

    [Fact]
    public async Task A_failed_call_is_not_cached()
    {
        await using var server = await FakeDstackServer.StartAsync();
        server.Respond = _ => FakeResponse.DstackError(503, "starting up");
        using var client = server.CreateClient();

        await Assert.ThrowsAsync<DstackApiException>(() => client.GetModelAsync("Qwen/Qwen3.6-27B"));
        server.Respond = null;
        var endpoint = await client.GetModelAsync("Qwen/Qwen3.6-27B");

        Assert.Equal("qwen36", endpoint.RunName);
        Assert.Equal(2, server.RequestCount);
    }
}
