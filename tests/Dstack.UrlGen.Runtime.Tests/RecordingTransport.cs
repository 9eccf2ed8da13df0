using System.ClientModel.Primitives;
using System.Net;
using System.Text;

namespace Dstack.UrlGen.Tests;

/// <summary>
/// A pipeline transport for the OpenAI SDK that sends nothing: it records the request URI exactly as
/// <see cref="HttpClient"/> gets it and answers every request with a canned chat completion.
/// </summary>
internal sealed class RecordingTransport : HttpClientPipelineTransport
{
    public const string CannedContent = "canned reply";

    private readonly CannedChatCompletionHandler handler;

    public RecordingTransport()
        : this(new CannedChatCompletionHandler())
    {
    }

    private RecordingTransport(CannedChatCompletionHandler handler)
        : base(new HttpClient(handler))
    {
        this.handler = handler;
    }

    public IReadOnlyList<Uri> RequestUris => handler.RequestUris;

    private sealed class CannedChatCompletionHandler : HttpMessageHandler
    {
        private const string Body = $$$"""
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"{{{CannedContent}}}"},"finish_reason":"stop","logprobs":null}],
             "usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
            """;

        private readonly List<Uri> requestUris = [];

        public IReadOnlyList<Uri> RequestUris
        {
            get
            {
                lock (requestUris)
                {
                    return requestUris.ToList();
                }
            }
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (requestUris)
            {
                requestUris.Add(request.RequestUri!);
            }

            return new HttpResponseMessage(HttpStatusCode.OK)
            {
                RequestMessage = request,
                Content = new StringContent(Body, Encoding.UTF8, "application/json"),
            };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(Send(request, cancellationToken));
    }
}
