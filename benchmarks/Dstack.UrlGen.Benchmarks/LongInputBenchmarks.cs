using System.Text;
using BenchmarkDotNet.Attributes;

namespace Dstack.UrlGen.Benchmarks;

/// <summary>
/// One megabyte <c>base_url</c>s of the shapes that once took seconds (a Unicode host, <c>xn--</c> labels) and others,
/// against a server <see cref="Uri"/>: the resolver refuses each as <see cref="DstackUrlError.TooLong"/> without looking
/// past the length; <c>new Uri(serverUri, baseUrl)</c> parses them.
/// </summary>
[MemoryDiagnoser]
public class LongInputBenchmarks
{
    private const int Megabyte = 1 << 20;

    private readonly Uri server = new("https://dstack.example.com/some/prefix");

    private string baseUrl = string.Empty;

    /// <summary>The shape of the megabyte.</summary>
    [Params("unicode host", "punycode labels", "path", "dot segments")]
    public string Shape { get; set; } = "unicode host";

    [GlobalSetup]
    public void Setup()
    {
        _ = server.AbsoluteUri;
        var (prefix, unit) = Shape switch
        {
            "unicode host" => ("https://", "\u00FC."),
            "punycode labels" => ("https://", "xn--a."),
            "path" => ("/", "a/"),
            _ => ("/", "%2e/"),
        };
        var sb = new StringBuilder(prefix, Megabyte + 8);
        while (sb.Length + unit.Length <= Megabyte - 4)
        {
            sb.Append(unit);
        }

        baseUrl = sb.Append(Shape.EndsWith("host", StringComparison.Ordinal) || Shape.StartsWith("puny", StringComparison.Ordinal) ? "com/" : "v1").ToString();
    }

    [Benchmark(Description = "DstackUrl.TryResolve")]
    public bool TryResolve() => DstackUrl.TryResolve(server, baseUrl, out _, out _);

    [Benchmark(Description = "new Uri(serverUri, baseUrl)", Baseline = true)]
    public Uri NewUriRelative() => new(server, baseUrl);
}
