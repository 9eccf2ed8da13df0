namespace Dstack.UrlGen.Tests.Client;

/// <summary>Names are checked against dstack's rules before anything goes into a URL path or a request.</summary>
public class NameValidationTests
{
    [Theory]
    [InlineData("Qwen36")]
    [InlineData("q")]
    [InlineData("-qwen")]
    [InlineData("1qwen")]
    [InlineData("qwen_36")]
    [InlineData("qwen/../admin")]
    [InlineData("qwen%2f")]
    [InlineData("q123456789q123456789q123456789q123456789q1")]
    public async Task A_run_name_that_breaks_dstacks_rule_never_reaches_the_server(string run)
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = Assert.Throws<ArgumentException>(() => { _ = client.GetRunModelAsync(run); });

        Assert.Equal("runName", error.ParamName);
        Assert.Contains("^[a-z][a-z0-9-]{1,40}$", error.Message);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("qw")]
    [InlineData("qwen36")]
    [InlineData("q-1")]
    [InlineData("q123456789q123456789q123456789q123456789q")]
    public void A_run_name_within_the_rule_is_accepted(string run)
    {
        Assert.True(DstackNames.IsValidRun(run));
    }

    [Theory]
    [InlineData("../admin")]
    [InlineData("main/runs")]
    [InlineData("")]
    [InlineData("ma in")]
    public async Task A_project_that_breaks_dstacks_rule_never_reaches_the_server(string project)
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        Assert.Equal("project", Assert.Throws<ArgumentException>(() => { _ = client.GetRunModelAsync("qwen36", project); }).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentException>(() => { _ = client.GetModelAsync("Qwen/Qwen3.6-27B", project); }).ParamName);
        Assert.Equal("project", Assert.Throws<ArgumentException>(() => { _ = client.ListModelsAsync(project); }).ParamName);
        Assert.Equal(0, server.RequestCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_model_name_is_an_argument_error(string model)
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        var error = Assert.Throws<ArgumentException>(() => { _ = client.GetModelAsync(model); });

        Assert.Equal("modelName", error.ParamName);
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Null_names_are_argument_null_errors()
    {
        await using var server = await FakeDstackServer.StartAsync();
        using var client = server.CreateClient();

        Assert.Throws<ArgumentNullException>("modelName", () => { _ = client.GetModelAsync(null!); });
        Assert.Throws<ArgumentNullException>("runName", () => { _ = client.GetRunModelAsync(null!); });
        Assert.Throws<ArgumentNullException>("endpoint", () => client.Forget(null!));
    }
}
