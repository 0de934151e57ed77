using System.Collections.Concurrent;
using IamService.Api.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IamService.Api.PolicyCache;

/// <summary>
/// Listens to the change notifications that the store's triggers send, drops what they name from the cache,
/// and proves the connection alive several times per staleness bound; while it cannot, the cache is not used.
/// </summary>
public sealed partial class PostgresChangeFeed(
    EffectivePolicyCache cache,
    IConfiguration configuration,
    IOptions<PolicyCacheOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<PostgresChangeFeed> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> barriers = new(StringComparer.Ordinal);
    private NpgsqlConnection? connection;

    /// <summary>
    /// Returns once every change committed before the call has reached this instance's cache, so that a
    /// request that wrote is followed by decisions that see the write. If the feed cannot confirm it within
    /// the staleness bound, the cache is emptied instead.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider != StorageProvider.Postgres)
        {
            return;
        }

        var id = Guid.NewGuid().ToString("N");
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        barriers[id] = arrived;
        try
        {
            var connectionString =
                configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionStringName);
            await using var sender = new NpgsqlConnection(connectionString);
            await sender.OpenAsync(cancellationToken);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", sender);
            notify.Parameters.AddWithValue("channel", PolicyChange.Channel);
            notify.Parameters.AddWithValue("payload", PolicyChange.BarrierPrefix + id);
            await notify.ExecuteNonQueryAsync(cancellationToken);
            await arrived.Task.WaitAsync(options.Value.Staleness, time, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or NpgsqlException)
        {
            Log.CatchUpFailed(logger, ex);
            cache.Clear();
        }
        finally
        {
            barriers.TryRemove(id, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (storage.Value.Provider != StorageProvider.Postgres)
        {
            // A single-instance store: local writes invalidate the cache directly, and it never goes stale.
            return;
        }

        var connectionString =
            configuration.GetConnectionString(StorageServiceCollectionExtensions.ConnectionStringName);
        var staleness = options.Value.Staleness;
        // Several proofs of life per bound, so one slow round trip does not suspend the cache.
        var heartbeat = staleness / 4;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (connection = new NpgsqlConnection(connectionString))
                {
                    await connection.OpenAsync(stoppingToken);
                    connection.Notification += OnNotification;
                    await using (var listen = new NpgsqlCommand($"LISTEN {PolicyChange.Channel}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(stoppingToken);
                    }

                    // Whatever changed while no one listened is unknown: start from nothing.
                    cache.Clear();
                    Log.Listening(logger);
                    await using var ping = new NpgsqlCommand("SELECT 1", connection);
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        var started = time.GetUtcNow();
                        // A round trip delivers every notification queued before it, and proves the link alive.
                        await ping.ExecuteScalarAsync(stoppingToken);
                        cache.TrustUntil(started + staleness);
                        await connection.WaitAsync(heartbeat, stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                cache.Distrust();
                Log.FeedLost(logger, ex);
                try
                {
                    await Task.Delay(heartbeat, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Payload.StartsWith(PolicyChange.BarrierPrefix, StringComparison.Ordinal))
        {
            if (barriers.TryGetValue(e.Payload[PolicyChange.BarrierPrefix.Length..], out var arrived))
            {
                arrived.TrySetResult();
            }

            return;
        }

        cache.Invalidate(e.Payload);
    }

    public override void Dispose()
    {
        connection?.Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Information,
            Message = "Listening for policy changes; the policy cache is live")]
        public static partial void Listening(ILogger logger);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Lost the policy change feed; decisions load from the store until it is back")]
        public static partial void FeedLost(ILogger logger, Exception exception);

        [LoggerMessage(Level = LogLevel.Warning,
            Message = "Could not confirm the policy change feed caught up; cache emptied")]
        public static partial void CatchUpFailed(ILogger logger, Exception exception);
    }
}
