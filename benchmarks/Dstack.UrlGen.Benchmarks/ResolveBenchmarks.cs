using BenchmarkDotNet.Attributes;
using Flurl;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// <see cref="DstackUrl.Resolve(Uri, string, DstackUrlOptions?)"/> against what hand-written code does with the same
/// dstack-shaped inputs: the BCL's RFC 3986 resolution, Flurl's <c>Url.Combine</c> and plain concatenation. Only
/// Resolve is correct on every input (RFC resolution drops the server prefix; the string joins break gateway URLs);
/// the others show what its checking costs. Each operation is one (server, base_url) pair of the chosen inputs.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    internal const int Operations = 20;

    /// <summary>Relative paths with and without a leading slash, against servers with and without a prefix.</summary>
    internal static readonly (string Server, string BaseUrl)[] Relative =
    [
        ("http://localhost:3000", "/proxy/services/main/qwen36/v1"),
        ("http://localhost:3000/", "/proxy/models/main/"),
        ("https://dstack.example.com/some/prefix", "/proxy/models/main"),
        ("https://dstack.example.com/some/prefix/", "proxy/models/main/"),
        ("https://dstack.example.com", "/proxy/services/my-project/llama-3-70b-instruct/v1"),
        ("https://dstack.example.com", "proxy/services/main/qwen36/v1"),
        ("http://127.0.0.1:3000", "/proxy/models/main/"),
        ("https://dstack.example.com:8443/", "/proxy/services/team-a/deepseek-r1/v1"),
        ("https://sky.example.org/dstack", "/proxy/models/team-a/"),
        ("http://10.0.0.5:3000", "proxy/services/main/embeddings/v1"),
    ];

    /// <summary>Gateway URLs as dstack reports them, with and without a path.</summary>
    internal static readonly (string Server, string BaseUrl)[] Gateway =
    [
        ("https://dstack.example.com", "https://qwen36.example.com/v1"),
        ("https://dstack.example.com/some/prefix", "https://gateway.example.com"),
        ("http://localhost:3000", "https://qwen36-gw.example.com/v1"),
        ("https://dstack.example.com", "https://llama-3-70b-instruct.gw.example.com/v1"),
        ("https://dstack.example.com", "https://gateway.example.com/"),
        ("http://localhost:3000", "https://deepseek-r1.main.sky.dstack.ai/v1"),
        ("https://sky.example.org/dstack", "https://gw.example.org:8443/v1"),
        ("https://dstack.example.com", "https://embeddings.example.com/v1"),
        ("http://127.0.0.1:3000", "http://gw.internal:8080/v1"),
        ("https://dstack.example.com", "https://qwen36.example.com"),
    ];

    private Uri[] serverUris = [];
    private string[] servers = [];
    private string[] baseUrls = [];

    /// <summary>Which inputs: relative paths, gateway URLs, or both (the mix), each {Operations} of them.</summary>
    [Params("mix", "relative", "gateway")]
    public string Inputs { get; set; } = "mix";

    [GlobalSetup]
    public void Setup()
    {
        var inputs = Inputs switch
        {
            "relative" => Relative.Concat(Relative),
            "gateway" => Gateway.Concat(Gateway),
            _ => Relative.Concat(Gateway),
        };
        servers = inputs.Select(m => m.Server).ToArray();
        baseUrls = inputs.Select(m => m.BaseUrl).ToArray();

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
