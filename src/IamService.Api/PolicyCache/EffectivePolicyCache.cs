using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace IamService.Api.PolicyCache;

/// <summary>
/// A value loaded from the store and the change names (see <see cref="PolicyChange"/>) it depends on.
/// </summary>
public sealed record Loaded<T>(T Value, IReadOnlyCollection<string> DependsOn);

/// <summary>
/// Compiled effective policies by principal, each dropped as soon as a change it depends on is announced.
/// The cache is trusted only while its change feed is known to be alive; otherwise every lookup loads
/// afresh, so a decision never rests on an entry older than the feed's bound.
/// </summary>
public sealed class EffectivePolicyCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> dependents =
        new(StringComparer.Ordinal);
    private long epoch;
    private long trustedUntilTicks = long.MaxValue;

    /// <summary>
    /// Whether cached entries may be used now. A change feed that must confirm itself alive calls
    /// <see cref="TrustUntil"/> periodically; a store with a single writer (SQLite) never expires trust.
    /// </summary>
    public bool IsTrusted => time.GetUtcNow().UtcTicks < Interlocked.Read(ref trustedUntilTicks);

    public int Count => entries.Count;

    /// <summary>Extends trust to an instant: the feed has proved it was alive and caught up just now.</summary>
    public void TrustUntil(DateTimeOffset until) => Interlocked.Exchange(ref trustedUntilTicks, until.UtcTicks);

    /// <summary>Stops trusting the cache and drops everything: changes may have been missed.</summary>
    public void Distrust()
    {
        Interlocked.Exchange(ref trustedUntilTicks, long.MinValue);
        Clear();
    }

    /// <summary>A cached value, only while the cache is trusted: what <see cref="GetOrLoadAsync"/> looks for.</summary>
    public bool TryGet<T>(string key, [MaybeNullWhen(false)] out T value)
    {
        if (IsTrusted && entries.TryGetValue(key, out var hit) && hit.Value is T found)
        {
            value = found;
            return true;
        }

        value = default;
        return false;
    }

    public async ValueTask<T> GetOrLoadAsync<T>(
        string key,
        Func<CancellationToken, Task<Loaded<T>>> load,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet<T>(key, out var value))
        {
            return value;
        }

        var trusted = IsTrusted;
        var before = Interlocked.Read(ref epoch);
        var loaded = await load(cancellationToken);
        // A change announced while loading may not be in what was read: keep the result for this request only.
        // Nor is a result kept that no change could ever drop.
        if (trusted && loaded.DependsOn.Count > 0 && IsTrusted && Interlocked.Read(ref epoch) == before)
        {
            Store(key, loaded);
        }

        return loaded.Value;
    }

    /// <summary>
    /// A value its key fully determines, so that it can never be stale (a compiled policy version), shared while
    /// the cache is trusted and kept until the named change drops it; built afresh otherwise.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<T> create, string dependsOn)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        if (TryGet<T>(key, out var value))
        {
            return value;
        }

        var created = create();
        if (IsTrusted)
        {
            Store(key, new Loaded<T>(created, [dependsOn]));
        }

        return created;
    }

    /// <summary>Drops every entry that depends on the named change.</summary>
    public void Invalidate(string change)
    {
        Interlocked.Increment(ref epoch);
        if (!dependents.TryRemove(change, out var keys))
        {
            return;
        }

        foreach (var key in keys.Keys)
        {
            entries.TryRemove(key, out _);
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref epoch);
        entries.Clear();
        dependents.Clear();
    }

    private void Store<T>(string key, Loaded<T> loaded)
    {
        // Register the dependencies first: an invalidation racing with this store then finds the key.
        foreach (var change in loaded.DependsOn)
        {
            dependents.GetOrAdd(change, _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[key] = 0;
        }

        var before = Interlocked.Read(ref epoch);
        entries[key] = new Entry(loaded.Value);
        if (Interlocked.Read(ref epoch) != before)
        {
            entries.TryRemove(key, out _);
        }
    }

    private sealed record Entry(object? Value);
}
