using System.Text.Json;

namespace Dstack.UrlGen.Tests;

/// <summary>dstack's own resolution cases (its Python SDK's <c>make_proxy_url</c> and <c>concat_url_path</c> tests), read from the fixture.</summary>
internal static class ProxyUrlCases
{
    private const string File = "dstack/make_proxy_url_cases.json";

    /// <summary>The server used to express a <c>concat_url_path(a, b)</c> case through Resolve: its path is <c>a</c>.</summary>
    public const string ConcatServerOrigin = "https://dstack.example.com";

    public sealed record MakeProxyUrl(string ServerUrl, string ProxyUrl, string Expected, DstackUrlOptions? Options, DstackUrlError? WithoutOptions);

    public sealed record ConcatUrlPath(string A, string B, string Expected);

    public static IReadOnlyList<MakeProxyUrl> MakeProxyUrlCases()
    {
        using var doc = JsonDocument.Parse(Fixtures.Read(File));
        return doc.RootElement.GetProperty("make_proxy_url").EnumerateArray().Select(c => new MakeProxyUrl(
            c.GetProperty("server_url").GetString()!,
            c.GetProperty("proxy_url").GetString()!,
            c.GetProperty("expected").GetString()!,
            c.TryGetProperty("options", out var options) ? ReadOptions(options) : null,
            c.TryGetProperty("without_options", out var without) ? Enum.Parse<DstackUrlError>(without.GetString()!) : null)).ToList();
    }

    public static IReadOnlyList<ConcatUrlPath> ConcatUrlPathCases()
    {
        using var doc = JsonDocument.Parse(Fixtures.Read(File));
        return doc.RootElement.GetProperty("concat_url_path").EnumerateArray().Select(c => new ConcatUrlPath(
            c.GetProperty("a").GetString()!,
            c.GetProperty("b").GetString()!,
            c.GetProperty("expected").GetString()!)).ToList();
    }

    /// <summary>Every option the fixture may name must be known here, so that a new one fails loudly instead of being ignored.</summary>
    private static DstackUrlOptions ReadOptions(JsonElement options)
    {
        bool allowInsecureHttp = false;
        foreach (var property in options.EnumerateObject())
        {
            allowInsecureHttp = property.Name switch
            {
                nameof(DstackUrlOptions.AllowInsecureHttp) => property.Value.GetBoolean(),
                _ => throw new InvalidDataException($"{File} names the unknown option '{property.Name}'; teach ProxyUrlCases.ReadOptions about it."),
            };
        }

        return new DstackUrlOptions { AllowInsecureHttp = allowInsecureHttp };
    }
}
