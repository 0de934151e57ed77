using Microsoft.Extensions.Options;

namespace IamService.Client;

/// <summary>An access token of the calling service, with when it was obtained and when it expires.</summary>
internal sealed record ServiceToken(string Value, DateTimeOffset ObtainedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// Holds the calling service's token for every client instance, and lets one caller at a time replace it, so
/// that a burst of requests at expiry signs in once.
/// </summary>
internal sealed class ServiceTokenCache(TimeProvider time, IOptions<IamClientOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServiceToken? _current;

    /// <summary>
    /// The cached token while it is fresh and is not <paramref name="rejected"/> (a token IamService just
    /// refused); otherwise the token of a new sign-in.
    /// </summary>
    public async Task<ServiceToken> GetAsync(
        Func<CancellationToken, Task<ServiceToken>> signIn,
        ServiceToken? rejected,
        CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        if (IsUsable(current, rejected))
        {
            return current!;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have signed in while this one waited.
            current = _current;
            if (IsUsable(current, rejected))
            {
                return current!;
            }

            current = await signIn(cancellationToken);
            Volatile.Write(ref _current, current);
            return current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsUsable(ServiceToken? token, ServiceToken? rejected)
    {
        if (token is null || ReferenceEquals(token, rejected))
        {
            return false;
        }

        var margin = TimeSpan.FromTicks(Math.Min(
            options.Value.RefreshBeforeExpiry.Ticks, (token.ExpiresAt - token.ObtainedAt).Ticks / 2));
        return time.GetUtcNow() < token.ExpiresAt - margin;
    }
}
