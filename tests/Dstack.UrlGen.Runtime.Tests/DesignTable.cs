namespace Dstack.UrlGen.Tests;

/// <summary>The rows of the resolution table (docs/resolver.md), shared by the tests that check the resolver and the OpenAI SDK.</summary>
internal static class DesignTable
{
    /// <summary>The "any" server of the table's gateway rows, taken once as http and once as https.</summary>
    private static readonly string[] AnyServers = ["http://localhost:3000", "https://dstack.example.com/some/prefix/"];

    public static IEnumerable<(string Server, string BaseUrl, string Expected)> Rows()
    {
        yield return ("http://localhost:3000", "/proxy/models/main/", "http://localhost:3000/proxy/models/main/");
        yield return ("http://localhost:3000/", "/proxy/services/main/qwen36/v1", "http://localhost:3000/proxy/services/main/qwen36/v1");
        yield return ("https://dstack.example.com/some/prefix", "/proxy/models/main", "https://dstack.example.com/some/prefix/proxy/models/main");
        yield return ("https://dstack.example.com/some/prefix/", "proxy/models/main/", "https://dstack.example.com/some/prefix/proxy/models/main/");
        foreach (var server in AnyServers)
        {
            yield return (server, "https://gateway.example.com", "https://gateway.example.com/");
            yield return (server, "https://qwen36.example.com/v1", "https://qwen36.example.com/v1");
        }
    }

    public static TheoryData<string, string, string> Data()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (server, baseUrl, expected) in Rows())
        {
            data.Add(server, baseUrl, expected);
        }

        return data;
    }
}
