using System.ClientModel.Primitives;

namespace Dstack.UrlGen.Hosting;

/// <summary>
/// The OpenAI SDK's retry policy, except for the failures <see cref="DstackModelHandler"/> has already answered by
/// finding the model again (a gone endpoint: connection refused, 404, 502, 503). Without this, the SDK would send
/// such a request up to three more times, and each would look the model up and retry again: one call would become
/// eight requests and four lookups against a model that is down. 429, 500, 504 and timeouts keep the SDK's retries.
/// </summary>
internal sealed class DstackModelRetryPolicy : ClientRetryPolicy
{
    protected override bool ShouldRetry(PipelineMessage message, Exception? exception)
        => !AlreadyFollowed(message, exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception)
        => AlreadyFollowed(message, exception) ? new ValueTask<bool>(false) : base.ShouldRetryAsync(message, exception);

    /// <summary>Honors the OpenAI API's <c>retry-after-ms</c> header as the SDK's default policy does; else the base delay.</summary>
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        if (message.Response is { } response
            && response.Headers.TryGetValue("retry-after-ms", out string? value)
            && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double milliseconds)
            && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        return base.GetNextDelay(message, tryCount);
    }

    private static bool AlreadyFollowed(PipelineMessage message, Exception? exception)
    {
        if (exception is null)
        {
            return message.Response is { } response && DstackModelHandler.IsGone((System.Net.HttpStatusCode)response.Status);
        }

        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException http && DstackModelHandler.IsGone(http))
            {
                return true;
            }
        }

        return false;
    }
}
