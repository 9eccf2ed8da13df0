using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dstack.UrlGen;

/// <summary>
/// The endpoints one <see cref="DstackClient"/> has resolved. A hit allocates nothing: it is a dictionary lookup
/// and a clock read that return the completed task stored at the first call. Concurrent first calls for one key
/// share a single request; a failed request is dropped so that the next call asks again.
/// </summary>
internal sealed class EndpointCache
{
    private readonly ConcurrentDictionary<EndpointKey, Entry> _entries = new();
    private readonly Func<EndpointKey, CancellationToken, Task<DstackModelEndpoint>> _fetch;
    private readonly Func<long> _clock;
    private readonly long _lifetimeTicks;
    private readonly CancellationToken _lifetime;

    /// <param name="fetch">Asks the server; runs once per miss, with <paramref name="lifetime"/> rather than any one caller's token.</param>
    /// <param name="duration">How long a resolved endpoint is reused; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</param>
    /// <param name="clock">Timestamps in <see cref="Stopwatch.Frequency"/> ticks per second.</param>
    /// <param name="lifetime">Cancelled when the client is disposed.</param>
    public EndpointCache(Func<EndpointKey, CancellationToken, Task<DstackModelEndpoint>> fetch, TimeSpan duration, Func<long> clock, CancellationToken lifetime)
    {
        _fetch = fetch;
        _clock = clock;
        _lifetime = lifetime;
        _lifetimeTicks = ToTicks(duration);
    }

    public Task<DstackModelEndpoint> GetAsync(EndpointKey key, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.IsUsable(_clock()))
        {
            return Await(entry.Task, cancellationToken);
        }

        return Miss(key, cancellationToken);
    }

    /// <summary>
    /// Stores an endpoint found by other means (<see cref="DstackClient.VerifyAsync"/> at start-up), so that the
    /// first call for it needs no request. An entry in flight is left alone: its own request is as fresh.
    /// </summary>
    public void Put(EndpointKey key, DstackModelEndpoint endpoint)
    {
        var entry = new Entry();
        entry.Succeed(endpoint, SaturatingAdd(_clock(), _lifetimeTicks));
        _entries.AddOrUpdate(key, entry, (_, existing) => existing.Task.IsCompleted ? entry : existing);
    }

    /// <summary>Drops the cached entries (by model name and by run name) that hold <paramref name="endpoint"/>.</summary>
    public void Forget(DstackModelEndpoint endpoint)
    {
        ForgetIfHolds(new EndpointKey(EndpointLookup.Model, endpoint.Project, endpoint.ModelName), endpoint);
        if (endpoint.RunName is not null)
        {
            ForgetIfHolds(new EndpointKey(EndpointLookup.Run, endpoint.Project, endpoint.RunName), endpoint);
        }
    }

    private Task<DstackModelEndpoint> Miss(EndpointKey key, CancellationToken cancellationToken)
    {
        while (true)
        {
            var fresh = new Entry();
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.IsUsable(_clock()))
                {
                    return Await(existing.Task, cancellationToken);
                }

                if (!_entries.TryUpdate(key, fresh, existing))
                {
                    continue;
                }
            }
            else if (!_entries.TryAdd(key, fresh))
            {
                continue;
            }

            _ = FillAsync(key, fresh);
            return Await(fresh.Task, cancellationToken);
        }
    }

    private async Task FillAsync(EndpointKey key, Entry entry)
    {
        DstackModelEndpoint endpoint;
        try
        {
            endpoint = await _fetch(key, _lifetime).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Removed before the waiters see the failure, so that a retry after it asks the server again.
            Remove(key, entry);
            entry.Fail(ex);
            return;
        }

        entry.Succeed(endpoint, SaturatingAdd(_clock(), _lifetimeTicks));
    }

    private void ForgetIfHolds(EndpointKey key, DstackModelEndpoint endpoint)
    {
        if (_entries.TryGetValue(key, out var entry)
            && entry.Task.Status == TaskStatus.RanToCompletion
            && entry.Task.Result.Equals(endpoint))
        {
            Remove(key, entry);
        }
    }

    private void Remove(EndpointKey key, Entry entry)
        => ((ICollection<KeyValuePair<EndpointKey, Entry>>)_entries).Remove(new KeyValuePair<EndpointKey, Entry>(key, entry));

    /// <summary>The shared task when it is done or the caller cannot cancel; else a wait that this caller alone can cancel.</summary>
    private static Task<DstackModelEndpoint> Await(Task<DstackModelEndpoint> shared, CancellationToken cancellationToken)
    {
        if (shared.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return shared;
        }

#if NET
        return shared.WaitAsync(cancellationToken);
#else
        return WaitAsync(shared, cancellationToken);
#endif
    }

#if !NET
    private static async Task<DstackModelEndpoint> WaitAsync(Task<DstackModelEndpoint> shared, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(shared, cancelled.Task).ConfigureAwait(false) != shared)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return await shared.ConfigureAwait(false);
    }
#endif

    private static long ToTicks(TimeSpan duration)
    {
        if (duration == Timeout.InfiniteTimeSpan)
        {
            return long.MaxValue;
        }

        double ticks = duration.TotalSeconds * Stopwatch.Frequency;
        return ticks >= long.MaxValue ? long.MaxValue : (long)ticks;
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    /// <summary>One endpoint, in flight or resolved; its task is visible to other callers before the request starts.</summary>
    private sealed class Entry
    {
        private readonly TaskCompletionSource<DstackModelEndpoint> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _expiresAt = long.MaxValue;

        public Task<DstackModelEndpoint> Task => _completion.Task;

        /// <summary>In flight (join it), or resolved and not expired.</summary>
        public bool IsUsable(long now)
        {
            var task = _completion.Task;
            if (!task.IsCompleted)
            {
                return true;
            }

            return task.Status == TaskStatus.RanToCompletion && now < Volatile.Read(ref _expiresAt);
        }

        public void Succeed(DstackModelEndpoint endpoint, long expiresAt)
        {
            // Written before the task completes, so whoever sees it completed also sees the expiry.
            Volatile.Write(ref _expiresAt, expiresAt);
            _completion.TrySetResult(endpoint);
        }

        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException canceled)
            {
                _completion.TrySetCanceled(canceled.CancellationToken);
            }
            else
            {
                _completion.TrySetException(exception);
            }

            // Reading Exception marks it observed: when every waiter has cancelled its wait, nobody awaits this
            // task, and the failure must not resurface as an UnobservedTaskException. Waiters still get it.
            _ = _completion.Task.Exception;
        }
    }
}
