using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Dstack.UrlGen.Hosting;

/// <summary>
/// The outermost handler of a model's OpenAI transport. The OpenAI client is built with <see cref="Placeholder"/> as
/// its endpoint (dependency injection factories are synchronous, the lookup is not); each request is sent to the
/// model's current endpoint, found through the <see cref="DstackClient"/>'s cache. When the endpoint went away
/// (connection refused, host gone, or 404/502/503 from the proxy or gateway) the cached endpoint is forgotten, the
/// model found again and the request sent once more. Other failures (400, 401, 429, 500 …) are returned as they are.
/// </summary>
internal sealed class DstackModelHandler : DelegatingHandler
{
    /// <summary>The endpoint the OpenAI client is given; <c>.invalid</c> never resolves, so nothing leaks if this handler is bypassed.</summary>
    public static readonly Uri Placeholder = new("http://dstack-model.invalid/");

    private readonly DstackClient _client;
    private readonly DstackModelInfo _model;
    private readonly ILogger _logger;

    public DstackModelHandler(DstackClient client, DstackModelInfo model, ILogger logger, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _client = client;
        _model = model;
        _logger = logger;
    }

    /// <summary>The OpenAI SDK's synchronous methods come here; the lookup is asynchronous, so they wait for it.</summary>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        => SendAsync(request, cancellationToken).GetAwaiter().GetResult();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string relative = RelativeTarget(request.RequestUri);

        // Buffered so that a retry sends the same bytes; a chat request is small, and a stream can be read only once.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = await DstackModelEndpoints.GetAsync(_client, _model, cancellationToken).ConfigureAwait(false);
        Log.EndpointResolved(_logger, _model.ModelName, _model.DeclaringType, endpoint.Url);

        // A declared base_url is not looked up, so there is nothing to find again.
        bool canFollow = _model.BaseUrl is null;
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(Copy(request, endpoint, relative, body), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (canFollow && IsGone(ex) && !cancellationToken.IsCancellationRequested)
        {
            Log.EndpointGone(_logger, _model.ModelName, endpoint.Url, ex.Message);
            return await RetryAsync(request, endpoint, relative, body, cancellationToken).ConfigureAwait(false);
        }

        if (canFollow && IsGone(response.StatusCode))
        {
            Log.EndpointGone(_logger, _model.ModelName, endpoint.Url, $"HTTP {(int)response.StatusCode}");
            response.Dispose();
            return await RetryAsync(request, endpoint, relative, body, cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private async Task<HttpResponseMessage> RetryAsync(HttpRequestMessage request, DstackModelEndpoint failed, string relative, byte[]? body, CancellationToken cancellationToken)
    {
        _client.Forget(failed);
        DstackModelEndpoint next;
        try
        {
            next = await DstackModelEndpoints.GetAsync(_client, _model, cancellationToken).ConfigureAwait(false);
        }
        catch (DstackException ex)
        {
            // The model itself is gone (stopped, provisioning, removed): that is what the caller needs to hear.
            Log.LookupFailed(_logger, _model.ModelName, failed.Url, ex.Message);
            throw;
        }

        Log.Retrying(_logger, _model.ModelName, next.Url);
        return await base.SendAsync(Copy(request, next, relative, body), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The request's path and query below <see cref="Placeholder"/>, such as <c>chat/completions</c>.</summary>
    private static string RelativeTarget(Uri? requestUri)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri || !Placeholder.IsBaseOf(requestUri))
        {
            throw new InvalidOperationException(
                $"A dstack model client sent a request to {requestUri?.GetLeftPart(UriPartial.Path) ?? "no URL"}, not below its placeholder endpoint {Placeholder}; "
                + "do not change the Endpoint of a client that AddModel registered.");
        }

        return requestUri.PathAndQuery.Substring(Placeholder.AbsolutePath.Length);
    }

    /// <summary>The endpoint's URL with the request's path appended (one <c>/</c> at the join) and both queries kept.</summary>
    internal static Uri Target(Uri endpointUrl, string relative)
    {
        int queryStart = relative.IndexOf('?');
        string path = queryStart < 0 ? relative : relative.Substring(0, queryStart);
        string query = queryStart < 0 ? string.Empty : relative.Substring(queryStart + 1);
        string joined = endpointUrl.AbsolutePath.TrimEnd('/') + "/" + path.TrimStart('/');
        string endpointQuery = endpointUrl.Query.TrimStart('?');
        string allQuery = endpointQuery.Length == 0 ? query : query.Length == 0 ? endpointQuery : endpointQuery + "&" + query;

        // Built as text from parts that are already escaped; UriBuilder would escape a '%' a second time.
        return new Uri(endpointUrl.GetLeftPart(UriPartial.Authority) + joined + (allQuery.Length == 0 ? string.Empty : "?" + allQuery));
    }

    private static HttpRequestMessage Copy(HttpRequestMessage request, DstackModelEndpoint endpoint, string relative, byte[]? body)
    {
        var copy = new HttpRequestMessage(request.Method, Target(endpoint.Url, relative))
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        if (body is not null)
        {
            copy.Content = new ByteArrayContent(body);
            foreach (var header in request.Content!.Headers)
            {
                // ByteArrayContent sets its own Content-Length.
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
        }

        return copy;
    }

    /// <summary>The proxy or gateway no longer has the model here: 404 (route gone), 502 (replica gone), 503 (not ready / no replica).</summary>
    internal static bool IsGone(HttpStatusCode status)
        => status is HttpStatusCode.NotFound or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable;

    /// <summary>Nothing listens there any more (connection refused) or the gateway's host is gone.</summary>
    internal static bool IsGone(HttpRequestException exception)
    {
        if (exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return true;
        }

        for (Exception? inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound })
            {
                return true;
            }
        }

        return false;
    }
}
