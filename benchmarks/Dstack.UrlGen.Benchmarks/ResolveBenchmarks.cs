using BenchmarkDotNet.Attributes;
using Flurl;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// <see cref="DstackUrl.Resolve(Uri, string, DstackUrlOptions?)"/> against what hand-written code does with the same
/// dstack-shaped inputs: the BCL's RFC 3986 resolution, Flurl's <c>Url.Combine</c> and plain concatenation. Only
/// Resolve is correct on every input (RFC resolution drops the server prefix; the string joins break gateway URLs);
/// the others show what its checking costs. Each operation is one (server, base_url) pair of the mix.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    private const int Operations = 10;

    /// <summary>Relative paths with and without a leading slash, against servers with and without a prefix, and gateway URLs.</summary>
    private static readonly (string Server, string BaseUrl)[] Mix =
    [
        ("http://localhost:3000", "/proxy/services/main/qwen36/v1"),
        ("http://localhost:3000/", "/proxy/models/main/"),
        ("https://dstack.example.com/some/prefix", "/proxy/models/main"),
        ("https://dstack.example.com/some/prefix/", "proxy/models/main/"),
        ("https://dstack.example.com", "/proxy/services/my-project/llama-3-70b-instruct/v1"),
        ("https://dstack.example.com", "proxy/services/main/qwen36/v1"),
        ("http://127.0.0.1:3000", "/proxy/models/main/"),
        ("https://dstack.example.com", "https://qwen36.example.com/v1"),
        ("https://dstack.example.com/some/prefix", "https://gateway.example.com"),
        ("http://localhost:3000", "https://qwen36-gw.example.com/v1"),
    ];

    private Uri[] serverUris = [];
    private string[] servers = [];
    private string[] baseUrls = [];

    [GlobalSetup]
    public void Setup()
    {
        servers = Mix.Select(m => m.Server).ToArray();
        baseUrls = Mix.Select(m => m.BaseUrl).ToArray();

        // Server URIs are made once, as a client makes its server URL once; Uri caches AbsoluteUri on first use.
        serverUris = servers.Select(s => new Uri(s)).ToArray();
        foreach (var uri in serverUris)
        {
            _ = uri.AbsoluteUri;
        }
    }

    [Benchmark(Description = "DstackUrl.Resolve", OperationsPerInvoke = Operations)]
    public Uri DstackUrlResolve()
    {
        Uri last = null!;
        for (int i = 0; i < Operations; i++)
        {
            last = DstackUrl.Resolve(serverUris[i], baseUrls[i]);
        }

        return last;
    }

    [Benchmark(Description = "new Uri(serverUri, baseUrl)", Baseline = true, OperationsPerInvoke = Operations)]
    public Uri NewUriRelative()
    {
        Uri last = null!;
        for (int i = 0; i < Operations; i++)
        {
            last = new Uri(serverUris[i], baseUrls[i]);
        }

        return last;
    }

    [Benchmark(Description = "Flurl Url.Combine", OperationsPerInvoke = Operations)]
    public string FlurlCombine()
    {
        string last = null!;
        for (int i = 0; i < Operations; i++)
        {
            last = Url.Combine(servers[i], baseUrls[i]);
        }

        return last;
    }

    [Benchmark(Description = "server + baseUrl", OperationsPerInvoke = Operations)]
    public string Concatenation()
    {
        string last = null!;
        for (int i = 0; i < Operations; i++)
        {
            last = servers[i] + baseUrls[i];
        }

        return last;
    }
}
