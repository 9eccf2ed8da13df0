namespace Dstack.UrlGen.Conformance.Tests;

/// <summary>A <see cref="DstackClient"/> whose requests to the dstack server are counted (the endpoint cache makes none on a hit).</summary>
public sealed class CountedClient : IDisposable
{
    private readonly CountingHandler _handler;
    private readonly HttpClient _http;

    public CountedClient(Uri serverUrl, string token, string project, DstackClientOptions? options = null, bool dropAuthorization = false)
    {
        _handler = new CountingHandler(dropAuthorization);
        _http = new HttpClient(_handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new DstackClient(serverUrl, token, project, _http, options);
    }

    public DstackClient Client { get; }

    /// <summary>The paths of the requests sent so far, such as <c>/api/runs/list</c>.</summary>
    public IReadOnlyList<string> Requests => _handler.Paths;

    public void Dispose()
    {
        Client.Dispose();
        _http.Dispose();
    }

    private sealed class CountingHandler : DelegatingHandler
    {
        private readonly bool _dropAuthorization;
        private readonly List<string> _paths = new();

        public CountingHandler(bool dropAuthorization)
            : base(new SocketsHttpHandler())
            => _dropAuthorization = dropAuthorization;

        public IReadOnlyList<string> Paths
        {
            get
            {
                lock (_paths)
                {
                    return _paths.ToList();
                }
            }
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_paths)
            {
                _paths.Add(request.RequestUri!.AbsolutePath);
            }

            if (_dropAuthorization)
            {
                // What a proxy that strips the header does: the server sees no token at all.
                request.Headers.Authorization = null;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
