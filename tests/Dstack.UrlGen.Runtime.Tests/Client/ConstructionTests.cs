namespace Dstack.UrlGen.Tests.Client;

public class ConstructionTests
{
    private static readonly Uri Server = new("http://127.0.0.1:3000");

    [Theory]
    [InlineData("http://127.0.0.1:3000/?q=1")]
    [InlineData("http://127.0.0.1:3000/#top")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://user:secret-password@127.0.0.1:3000/")]
    public void An_unusable_server_url_is_an_argument_error(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => new DstackClient(new Uri(url), "t", "main"));

        Assert.Equal("serverUrl", error.ParamName);
        Assert.IsType<DstackUrlException>(error.InnerException);
        Assert.DoesNotContain("secret-password", error.Message);
    }

    [Fact]
    public void A_relative_server_url_is_an_argument_error()
    {
        var error = Assert.Throws<ArgumentException>(() => new DstackClient(new Uri("/api", UriKind.Relative), "t", "main"));

        Assert.Equal("serverUrl", error.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    public void An_unusable_token_is_an_argument_error_that_does_not_show_it(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => new DstackClient(Server, token, "main"));

        Assert.Equal("token", error.ParamName);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, error.Message);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("my project")]
    [InlineData("../admin")]
    [InlineData("a/b")]
    [InlineData("x123456789x123456789x123456789x123456789x1234567891")]
    public void A_project_name_that_breaks_dstacks_rule_is_an_argument_error(string project)
    {
        var error = Assert.Throws<ArgumentException>(() => new DstackClient(Server, "t", project));

        Assert.Equal("project", error.ParamName);
        Assert.Contains("^[a-zA-Z0-9-_]{1,50}$", error.Message);
    }

    [Theory]
    [InlineData("main")]
    [InlineData("My_Project-2")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789")]
    public void A_valid_project_name_is_accepted(string project)
    {
        using var client = new DstackClient(Server, "t", project);

        Assert.Equal(project, client.Project);
    }

    [Fact]
    public void Nulls_are_argument_null_errors()
    {
        Assert.Throws<ArgumentNullException>("serverUrl", () => new DstackClient(null!, "t", "main"));
        Assert.Throws<ArgumentNullException>("token", () => new DstackClient(Server, null!, "main"));
        Assert.Throws<ArgumentNullException>("project", () => new DstackClient(Server, "t", null!));
    }

    [Fact]
    public void Options_out_of_range_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DstackClient(Server, "t", "main", null, new DstackClientOptions { EndpointCacheDuration = TimeSpan.FromSeconds(-1) }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DstackClient(Server, "t", "main", null, new DstackClientOptions { Timeout = TimeSpan.Zero }));
        using var client = new DstackClient(Server, "t", "main", null, new DstackClientOptions { Timeout = Timeout.InfiniteTimeSpan, EndpointCacheDuration = Timeout.InfiniteTimeSpan });
        Assert.Equal(Timeout.InfiniteTimeSpan, client.Options.Timeout);
    }

    [Fact]
    public void ToString_names_server_and_project_but_not_the_token()
    {
        using var client = new DstackClient(new Uri("https://dstack.example.com/some/prefix"), "tok-123-secret", "main");

        Assert.Equal("DstackClient https://dstack.example.com/some/prefix, project 'main'", client.ToString());
    }

    [Fact]
    public async Task Dispose_leaves_a_given_HttpClient_usable()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var http = new HttpClient();
        var client = new DstackClient(server.ServerUrl, FakeDstackServer.Token, "main", http);
        await client.ListModelsAsync();

        client.Dispose();
        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => { _ = client.ListModelsAsync(); });
        using var second = new DstackClient(server.ServerUrl, FakeDstackServer.Token, "main", http);
        Assert.Equal(4, (await second.ListModelsAsync()).Count);
    }
}
