namespace Dstack.UrlGen.Tests;

/// <summary>The rows of DESIGN.md's resolution table.</summary>
public class ResolveTableTests
{
    [Theory]
    [InlineData("http://localhost:3000", "/proxy/models/main/", "http://localhost:3000/proxy/models/main/")]
    [InlineData("http://localhost:3000/", "/proxy/services/main/qwen36/v1", "http://localhost:3000/proxy/services/main/qwen36/v1")]
    [InlineData("https://dstack.example.com/some/prefix", "/proxy/models/main", "https://dstack.example.com/some/prefix/proxy/models/main")]
    [InlineData("https://dstack.example.com/some/prefix/", "proxy/models/main/", "https://dstack.example.com/some/prefix/proxy/models/main/")]
    [InlineData("http://localhost:3000", "https://gateway.example.com", "https://gateway.example.com/")]
    [InlineData("https://dstack.example.com", "https://qwen36.example.com/v1", "https://qwen36.example.com/v1")]
    public void Resolves_the_design_table(string server, string baseUrl, string expected)
    {
        Assert.Equal(expected, DstackUrl.Resolve(server, baseUrl).AbsoluteUri);
        Assert.Equal(expected, DstackUrl.Resolve(new Uri(server), baseUrl).AbsoluteUri);
        Assert.True(DstackUrl.TryResolve(new Uri(server), baseUrl, out var url, out var error));
        Assert.Equal(DstackUrlError.None, error);
        Assert.Equal(expected, url!.AbsoluteUri);
    }
}
