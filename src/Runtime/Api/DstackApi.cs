using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Dstack.UrlGen.Api;

/// <summary>
/// The two dstack REST calls the client needs: <c>POST {server}/api/runs/list</c> (paged) and
/// <c>POST {server}/api/project/{project}/runs/get</c>, each with a JSON body and <c>Authorization: Bearer</c>.
/// Every failure surfaces as a <see cref="DstackException"/> (see <see cref="ApiErrors"/>).
/// </summary>
internal sealed class DstackApi
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _lifetime;

    // The server URL without its trailing '/', so that API paths keep a path prefix (https://host/prefix/api/…).
    private readonly string _apiRoot;
    private readonly Uri _listUri;

    public DstackApi(Uri serverUrl, string token, HttpClient http, TimeSpan timeout, SettingsSources sources, CancellationToken lifetime)
    {
        Sources = sources;
        ServerUrl = serverUrl;
        _token = token;
        _http = http;
        _timeout = timeout;
        _lifetime = lifetime;
        string absolute = serverUrl.AbsoluteUri;
        _apiRoot = absolute.EndsWith("/", StringComparison.Ordinal) ? absolute.Substring(0, absolute.Length - 1) : absolute;
        _listUri = new Uri(_apiRoot + "/api/runs/list");
    }

    public Uri ServerUrl { get; }

    public SettingsSources Sources { get; }

    /// <summary>
    /// All active runs of a project, following dstack's keyset paging until a page is not full. dstack's
    /// <c>runs/list</c> filters by project without checking it (an unknown project, or one the user is not a member
    /// of, answers <c>[]</c>), so an empty answer asks <c>projects/{project}/get</c>: a missing project is a
    /// <see cref="DstackNotFoundException"/> and a refused one a <see cref="DstackAuthenticationException"/>.
    /// </summary>
    public async Task<List<RunDto>> ListRunsAsync(string project, CancellationToken cancellationToken)
    {
        var runs = await ListRunPagesAsync(project, cancellationToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            await GetProjectAsync(project, cancellationToken).ConfigureAwait(false);
        }

        return runs;
    }

    /// <summary><c>POST /api/projects/{project}/get</c>: throws when the project does not exist or the user may not see it.</summary>
    public Task<ProjectDto> GetProjectAsync(string project, CancellationToken cancellationToken)
    {
        // The name was validated against dstack's rule, so it needs no escaping in the path.
        var uri = new Uri(_apiRoot + "/api/projects/" + project + "/get");
        return PostAsync(uri, new EmptyRequest(), DstackJsonContext.Default.EmptyRequest, DstackJsonContext.Default.ProjectDto, new ApiTarget(project, null), cancellationToken);
    }

    private async Task<List<RunDto>> ListRunPagesAsync(string project, CancellationToken cancellationToken)
    {
        var target = new ApiTarget(project, null);
        var request = new ListRunsRequest { ProjectName = project };
        var runs = new List<RunDto>();
        while (true)
        {
            var page = await PostAsync(_listUri, request, DstackJsonContext.Default.ListRunsRequest, DstackJsonContext.Default.ListRunDto, target, cancellationToken).ConfigureAwait(false);
            foreach (var run in page)
            {
                if (run is not null)
                {
                    runs.Add(run);
                }
            }

            if (page.Count < ListRunsRequest.PageSize)
            {
                return runs;
            }

            var last = page[page.Count - 1];
            if (last is null || last.Id is null || last.SubmittedAt is null)
            {
                throw ApiErrors.Malformed(ServerUrl, target, 200, "a full page of runs whose last run has no id or submitted_at to page from", null, Sources);
            }

            if (last.Id == request.PrevRunId)
            {
                // A server that ignores the paging fields would otherwise be asked for the same page forever.
                throw ApiErrors.Malformed(ServerUrl, target, 200, $"the page after run id {last.Id} ended with that same run again", null, Sources);
            }

            request = new ListRunsRequest { ProjectName = project, PrevSubmittedAt = last.SubmittedAt, PrevRunId = last.Id };
        }
    }

    /// <summary>One run by name; a missing run or project is a <see cref="DstackNotFoundException"/>.</summary>
    public Task<RunDto> GetRunAsync(string project, string runName, CancellationToken cancellationToken)
    {
        // Both names were validated against dstack's rules, so they need no escaping in the path.
        var uri = new Uri(_apiRoot + "/api/project/" + project + "/runs/get");
        return PostAsync(uri, new GetRunRequest { RunName = runName }, DstackJsonContext.Default.GetRunRequest, DstackJsonContext.Default.RunDto, new ApiTarget(project, runName), cancellationToken);
    }

    private async Task<TResponse> PostAsync<TRequest, TResponse>(
        Uri uri, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, ApiTarget target, CancellationToken cancellationToken)
        where TResponse : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(AcceptJson);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, requestType));
        content.Headers.ContentType = JsonMediaType;
        request.Content = content;

        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime);
        if (_timeout != Timeout.InfiniteTimeSpan)
        {
            cancellation.CancelAfter(_timeout);
        }

        HttpResponseMessage response;
        byte[] bytes;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellation.Token).ConfigureAwait(false);
#if NET
            bytes = await response.Content.ReadAsByteArrayAsync(cancellation.Token).ConfigureAwait(false);
#else
            bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        }
        catch (OperationCanceledException ex)
        {
            if (_lifetime.IsCancellationRequested)
            {
                throw new ObjectDisposedException(nameof(DstackClient), "The DstackClient was disposed while a request to the dstack server was in flight.");
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Our own timeout, or the HttpClient's when the caller passed one with a shorter Timeout.
            throw ApiErrors.Timeout(ServerUrl, target, EffectiveTimeout(), ex, Sources);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw ApiErrors.Unreachable(ServerUrl, target, ex, Sources);
        }

        using (response)
        {
            int status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                throw ApiErrors.FromStatus(ServerUrl, target, response.StatusCode, response.ReasonPhrase, ServerErrorBody.Parse(bytes, _token), Sources);
            }

            TResponse? value;
            try
            {
                value = JsonSerializer.Deserialize(bytes, responseType);
            }
            catch (JsonException ex)
            {
                throw ApiErrors.Malformed(ServerUrl, target, status, ex.Message, ex, Sources);
            }

            return value ?? throw ApiErrors.Malformed(ServerUrl, target, status, "the body is JSON null", null, Sources);
        }
    }

    private TimeSpan EffectiveTimeout()
    {
        var httpTimeout = _http.Timeout;
        if (_timeout == Timeout.InfiniteTimeSpan)
        {
            return httpTimeout;
        }

        return httpTimeout != Timeout.InfiniteTimeSpan && httpTimeout < _timeout ? httpTimeout : _timeout;
    }
}
