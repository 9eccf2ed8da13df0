using System.Globalization;

namespace Dstack.UrlGen.BuildCost;

/// <summary>
/// Writes a project shaped like a real HTTP SDK (a cloud-storage client) that has nothing to do with dstack and no
/// <c>[DstackModel]</c>: DTOs, a <c>BaseUrls</c> DTO whose <c>BaseUrl</c> is mapped to the JSON key <c>base_url</c>
/// (the SDK's own API root), a <c>NetworkSession</c> holding it, resource managers that join it with request paths
/// in every common way, an OpenAI-compatible provider config with a <c>base_url</c> key, and test-style
/// <c>const string BaseUrl = "http://…"</c> constants. Every DSTK diagnostic in it is a false alarm by construction.
/// </summary>
internal static class ProjectWriter
{
    public const string ProjectName = "Contoso.CloudSdk";

    private static readonly string[] Entities =
    [
        "File", "Folder", "User", "Group", "Comment", "Collaboration", "Task", "WebLink", "Event", "Webhook",
        "Retention", "Legal", "Device", "Metadata", "Template", "Invite", "Session", "Version", "Lock", "Watermark",
    ];

    /// <summary>Writes about <paramref name="files"/> C# files and the project file into <paramref name="folder"/>.</summary>
    /// <returns>The path of the project file.</returns>
    public static string Write(string folder, int files)
    {
        if (files < 100)
        {
            throw new ArgumentOutOfRangeException(nameof(files), files, "The generated SDK needs at least 100 files (--files).");
        }

        Directory.CreateDirectory(folder);
        // Stop MSBuild's search for Directory.Build.* and central package files above the temp folder.
        File.WriteAllText(Path.Combine(folder, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(folder, "Directory.Packages.props"), "<Project />\n");
        string project = Path.Combine(folder, ProjectName + ".csproj");
        File.WriteAllText(project, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <RootNamespace>{ProjectName}</RootNamespace>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
              </PropertyGroup>
            </Project>

            """);

        // Proportions after the cloud-storage SDK of issue 11 (about 1,900 files, a few percent of them resource
        // managers), with twice its density of joins: 5 % managers with 6 joins each, 55 % DTOs, 25 % request builders.
        int managers = files / 20;
        int models = files * 55 / 100;
        int requests = files / 4;
        int testing = files / 20;
        int fixedFiles = 6;
        int utilities = Math.Max(1, files - managers - models - requests - testing - fixedFiles);

        Write(folder, "Session/BaseUrls.cs", BaseUrls);
        Write(folder, "Session/NetworkSession.cs", NetworkSession);
        Write(folder, "Session/ResourceManager.cs", ResourceManager);
        Write(folder, "Serialization/SdkJsonContext.cs", JsonContext);
        Write(folder, "Providers/ProviderConfig.cs", ProviderConfig);
        Write(folder, "Providers/ProviderClient.cs", ProviderClient);
        for (int i = 0; i < models; i++)
        {
            Write(folder, $"Models/{ModelName(i)}.cs", Model(i));
        }

        for (int i = 0; i < managers; i++)
        {
            Write(folder, $"Managers/{Entity(i)}Manager{Number(i)}.cs", Manager(i));
        }

        for (int i = 0; i < requests; i++)
        {
            Write(folder, $"Requests/{Entity(i)}Request{Number(i)}.cs", Request(i));
        }

        for (int i = 0; i < testing; i++)
        {
            Write(folder, $"Testing/FakeServer{Number(i)}.cs", FakeServer(i));
        }

        for (int i = 0; i < utilities; i++)
        {
            Write(folder, $"Utilities/Text{Number(i)}.cs", Utility(i));
        }

        return project;
    }

    private static void Write(string folder, string relativePath, string text)
    {
        string path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Entity(int i) => Entities[i % Entities.Length];

    private static string Segment(int i) => Entity(i).ToLowerInvariant() + "s";

    private static string Number(int i) => i.ToString("D4", CultureInfo.InvariantCulture);

    private static string ModelName(int i) => Entity(i) + Number(i);

    private const string BaseUrls = """
        using System.Text.Json.Serialization;

        namespace Contoso.CloudSdk.Session;

        /// <summary>The service's API roots, read from the SDK's configuration JSON.</summary>
        public sealed class BaseUrls
        {
            [JsonPropertyName("base_url")]
            public string BaseUrl { get; set; } = "https://api.contoso.example";

            [JsonPropertyName("upload_url")]
            public string UploadUrl { get; set; } = "https://upload.contoso.example/api";

            [JsonPropertyName("oauth2_url")]
            public string OAuth2Url { get; set; } = "https://account.contoso.example/api/oauth2";
        }

        """;

    private const string NetworkSession = """
        namespace Contoso.CloudSdk.Session;

        /// <summary>What every resource manager needs to call the API.</summary>
        public sealed class NetworkSession
        {
            public NetworkSession(HttpClient httpClient, BaseUrls baseUrls, string accessToken)
            {
                HttpClient = httpClient;
                BaseUrls = baseUrls;
                AccessToken = accessToken;
            }

            public HttpClient HttpClient { get; }

            public BaseUrls BaseUrls { get; }

            public string AccessToken { get; }

            public Dictionary<string, string> AdditionalHeaders { get; } = new();
        }

        """;

    private const string ResourceManager = """
        using System.Net.Http.Headers;
        using System.Text;
        using System.Text.Json;

        namespace Contoso.CloudSdk.Session;

        public abstract class ResourceManager
        {
            protected ResourceManager(NetworkSession networkSession) => NetworkSession = networkSession;

            public NetworkSession NetworkSession { get; }

            protected async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", NetworkSession.AccessToken);
                foreach (var header in NetworkSession.AdditionalHeaders)
                {
                    request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                using var response = await NetworkSession.HttpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return (await JsonSerializer.DeserializeAsync<T>(stream, cancellationToken: cancellationToken).ConfigureAwait(false))!;
            }

            protected static string Query(IEnumerable<string>? fields, int? limit = null, string? marker = null)
            {
                var builder = new StringBuilder();
                if (fields != null)
                {
                    builder.Append(builder.Length == 0 ? '?' : '&').Append("fields=").Append(string.Join(",", fields));
                }

                if (limit.HasValue)
                {
                    builder.Append(builder.Length == 0 ? '?' : '&').Append("limit=").Append(limit.Value);
                }

                if (!string.IsNullOrEmpty(marker))
                {
                    builder.Append(builder.Length == 0 ? '?' : '&').Append("marker=").Append(Uri.EscapeDataString(marker));
                }

                return builder.ToString();
            }
        }

        """;

    private static string JsonContext
    {
        get
        {
            var types = string.Concat(Enumerable.Range(0, 8).Select(i => $"[JsonSerializable(typeof(Contoso.CloudSdk.Models.{ModelName(i)}))]\n"));
            return $$"""
                using System.Text.Json.Serialization;

                namespace Contoso.CloudSdk.Serialization;

                [JsonSerializable(typeof(Contoso.CloudSdk.Session.BaseUrls))]
                [JsonSerializable(typeof(Contoso.CloudSdk.Providers.ProviderConfig))]
                {{types}}internal partial class SdkJsonContext : JsonSerializerContext
                {
                }

                """;
        }
    }

    private const string ProviderConfig = """
        using System.Text.Json.Serialization;

        namespace Contoso.CloudSdk.Providers;

        /// <summary>An OpenAI-compatible provider for the SDK's AI features, as configured in JSON.</summary>
        public sealed class ProviderConfig
        {
            [JsonPropertyName("name")]
            public string Name { get; set; } = "";

            [JsonPropertyName("base_url")]
            public string BaseUrl { get; set; } = "https://api.openai.example/v1";

            [JsonPropertyName("api_key")]
            public string? ApiKey { get; set; }

            [JsonPropertyName("model")]
            public string Model { get; set; } = "";
        }

        """;

    private const string ProviderClient = """
        using System.Net.Http.Headers;
        using System.Text;

        namespace Contoso.CloudSdk.Providers;

        public sealed class ProviderClient
        {
            private readonly HttpClient _http;
            private readonly ProviderConfig _config;

            public ProviderClient(HttpClient http, ProviderConfig config)
            {
                _http = http;
                _config = config;
            }

            public Uri Endpoint => new Uri(_config.BaseUrl);

            public Task<HttpResponseMessage> ChatAsync(string json, CancellationToken cancellationToken = default)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, $"{_config.BaseUrl.TrimEnd('/')}/chat/completions")
                {
                    Content = new StringContent(json, Encoding.UTF8, "application/json"),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _config.ApiKey);
                return _http.SendAsync(request, cancellationToken);
            }

            public Task<HttpResponseMessage> ModelsAsync(CancellationToken cancellationToken = default)
                => _http.GetAsync(_config.BaseUrl + "/models", cancellationToken);

            public Task<HttpResponseMessage> EmbeddingsAsync(HttpContent content, CancellationToken cancellationToken = default)
                => _http.PostAsync(string.Concat(_config.BaseUrl, "/embeddings"), content, cancellationToken);
        }

        """;

    private static string Model(int i) => $$"""
        using System.Text.Json.Serialization;

        namespace Contoso.CloudSdk.Models;

        /// <summary>A {{Entity(i).ToLowerInvariant()}} as the API returns it.</summary>
        public class {{ModelName(i)}}
        {
            [JsonPropertyName("id")]
            public string Id { get; set; } = "";

            [JsonPropertyName("type")]
            public string Type { get; set; } = "{{Entity(i).ToLowerInvariant()}}";

            [JsonPropertyName("etag")]
            public string? ETag { get; set; }

            [JsonPropertyName("name")]
            public string? Name { get; set; }

            [JsonPropertyName("description")]
            public string? Description { get; set; }

            [JsonPropertyName("size")]
            public long Size { get; set; }

            [JsonPropertyName("created_at")]
            public DateTimeOffset? CreatedAt { get; set; }

            [JsonPropertyName("modified_at")]
            public DateTimeOffset? ModifiedAt { get; set; }

            [JsonPropertyName("tags")]
            public List<string> Tags { get; set; } = new();

            [JsonPropertyName("shared_link")]
            public SharedLink{{Number(i)}}? SharedLink { get; set; }

            public override string ToString() => Type + " " + Id + " (" + Name + ")";
        }

        public class SharedLink{{Number(i)}}
        {
            [JsonPropertyName("url")]
            public string? Url { get; set; }

            [JsonPropertyName("download_url")]
            public string? DownloadUrl { get; set; }

            [JsonPropertyName("access")]
            public string Access { get; set; } = "open";
        }

        """;

    // Every join below uses the SDK's own API root (BaseUrls.BaseUrl, JSON key base_url): no dstack anywhere.
    private static string Manager(int i) => $$"""
        using System.Text;
        using Contoso.CloudSdk.Models;
        using Contoso.CloudSdk.Session;

        namespace Contoso.CloudSdk.Managers;

        public sealed class {{Entity(i)}}Manager{{Number(i)}} : ResourceManager
        {
            public {{Entity(i)}}Manager{{Number(i)}}(NetworkSession networkSession)
                : base(networkSession)
            {
            }

            public async Task<{{ModelName(i)}}> GetInformationAsync(string id, IEnumerable<string>? fields = null, CancellationToken cancellationToken = default)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, string.Concat(this.NetworkSession.BaseUrls.BaseUrl, "/2.0/{{Segment(i)}}/", id) + Query(fields));
                return await SendAsync<{{ModelName(i)}}>(request, cancellationToken).ConfigureAwait(false);
            }

            public Task<HttpResponseMessage> DeleteAsync(string id, string? etag = null, CancellationToken cancellationToken = default)
            {
                var request = new HttpRequestMessage(HttpMethod.Delete, $"{this.NetworkSession.BaseUrls.BaseUrl}/2.0/{{Segment(i)}}/{id}");
                if (etag != null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", etag);
                }

                return NetworkSession.HttpClient.SendAsync(request, cancellationToken);
            }

            public Task<HttpResponseMessage> ListItemsAsync(string id, int limit = 100, string? marker = null, CancellationToken cancellationToken = default)
                => NetworkSession.HttpClient.GetAsync(NetworkSession.BaseUrls.BaseUrl + "/2.0/{{Segment(i)}}/" + id + "/items" + Query(null, limit, marker), cancellationToken);

            public Uri GetContentUri(string id)
                => new Uri(string.Concat(NetworkSession.BaseUrls.BaseUrl, "/2.0/{{Segment(i)}}/", id, "/content"));

            public async Task<{{ModelName(i)}}> UpdateAsync(string id, {{ModelName(i)}} body, CancellationToken cancellationToken = default)
            {
                var url = new StringBuilder(NetworkSession.BaseUrls.BaseUrl).Append("/2.0/{{Segment(i)}}/").Append(id).ToString();
                var request = new HttpRequestMessage(HttpMethod.Put, url)
                {
                    Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
                };
                return await SendAsync<{{ModelName(i)}}>(request, cancellationToken).ConfigureAwait(false);
            }

            public Task<HttpResponseMessage> UploadAsync(string parentId, string name, Stream content, CancellationToken cancellationToken = default)
            {
                var form = new MultipartFormDataContent
                {
                    { new StringContent("{\"name\":\"" + name + "\",\"parent\":{\"id\":\"" + parentId + "\"}" + "}"), "attributes" },
                    { new StreamContent(content), "file", name },
                };
                return NetworkSession.HttpClient.PostAsync(new Uri(NetworkSession.BaseUrls.UploadUrl + "/2.0/{{Segment(i)}}/content"), form, cancellationToken);
            }

            public string SharedLinkFor(string id, string token)
                => NetworkSession.BaseUrls.BaseUrl + "/s/" + token.Substring(0, 12) + "?id=" + id;
        }

        """;

    private static string Request(int i) => $$"""
        using System.Text;
        using System.Text.Json.Serialization;

        namespace Contoso.CloudSdk.Requests;

        public sealed class {{Entity(i)}}Request{{Number(i)}}
        {
            [JsonPropertyName("name")]
            public string? Name { get; set; }

            [JsonPropertyName("parent_id")]
            public string? ParentId { get; set; }

            [JsonPropertyName("fields")]
            public List<string> Fields { get; } = new();

            [JsonPropertyName("sort")]
            public string Sort { get; set; } = "name";

            [JsonPropertyName("direction")]
            public string Direction { get; set; } = "ASC";

            public string ToQueryString()
            {
                var builder = new StringBuilder("?sort=").Append(Sort).Append("&direction=").Append(Direction);
                if (Fields.Count > 0)
                {
                    builder.Append("&fields=").Append(string.Join(",", Fields));
                }

                if (ParentId != null)
                {
                    builder.Append($"&parent_id={Uri.EscapeDataString(ParentId)}");
                }

                return builder.ToString();
            }

            public override string ToString() => $"{{Entity(i)}} request '{Name}' in {ParentId ?? "root"}";
        }

        """;

    // The constants name-matching would flag (the issue's "const string BaseUrl = \"http://foo\"" noise).
    private static string FakeServer(int i) => $$"""
        namespace Contoso.CloudSdk.Testing;

        internal static class FakeServer{{Number(i)}}
        {
            public const string BaseUrl = "http://localhost:{{5000 + i}}";

            public static string {{Entity(i)}}Url(string id) => BaseUrl + "/2.0/{{Segment(i)}}/" + id;

            public static Uri {{Entity(i)}}ItemsUri(string id)
            {
                var baseUrl = $"{BaseUrl}/2.0/{{Segment(i)}}/{id}/items";
                return new Uri(baseUrl);
            }
        }

        """;

    private static string Utility(int i) => $$"""
        using System.Text;

        namespace Contoso.CloudSdk.Utilities;

        internal static class Text{{Number(i)}}
        {
            public static string Mask(string token)
                => token.Length <= 8 ? "****" : token.Substring(0, 4) + "..." + token.Substring(token.Length - 4);

            public static string Etag(string id, int version) => "\"" + id + "-" + version + "\"";

            public static string Describe(IReadOnlyList<string> names)
            {
                var builder = new StringBuilder();
                for (int index = 0; index < names.Count; index++)
                {
                    builder.Append(index == 0 ? "" : ", ").Append(names[index]);
                }

                return $"{names.Count} item(s): {builder}";
            }
        }

        """;
}
