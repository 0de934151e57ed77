using System.Diagnostics.CodeAnalysis;

namespace IamService.Policies;

/// <summary>
/// The map from a literal action to its <see cref="DecisionEntry"/> values, for the fast path, and to its
/// candidates in policy order, for the explaining path: an open-addressing table whose slots point into one array
/// holding every action's entries back to back. A value type kept inside
/// <see cref="StatementIndex"/>, so that a lookup reads the slot, the key and the entries and nothing else.
/// </summary>
internal readonly struct ActionTable
{
    private readonly Slot[] _slots;
    private readonly DecisionEntry[] _entries;

    private ActionTable(Slot[] slots, DecisionEntry[] entries)
    {
        _slots = slots;
        _entries = entries;
    }

    /// <summary>Builds the table; each action's entries are put in <see cref="DecisionEntry.Rank"/> order.</summary>
    public static ActionTable Create(IReadOnlyDictionary<string, StatementCandidate[]> byAction)
    {
        // At most half full, so a probe always meets an empty slot.
        var size = 1;
        while (size < byAction.Count * 2)
        {
            size *= 2;
        }

        var slots = new Slot[size];
        var entries = new List<DecisionEntry>();
        foreach (var (action, candidates) in byAction)
        {
            var start = entries.Count;
            entries.AddRange(candidates.Select(c => new DecisionEntry(c.Statement)).OrderBy(e => e.Rank));
            var hash = Hash(action);
            var at = hash & (size - 1);
            while (slots[at].Key is not null)
            {
                at = (at + 1) & (size - 1);
            }

            slots[at] = new Slot(action, hash, start, entries.Count - start, candidates);
        }

        return new ActionTable(slots, [.. entries]);
    }

    /// <summary>The entries of an action some statement names literally, in any spelling; false for others.</summary>
    public bool TryFind(string action, out ReadOnlySpan<DecisionEntry> entries)
    {
        var at = Find(action);
        entries = at < 0 ? default : _entries.AsSpan(_slots[at].Start, _slots[at].Count);
        return at >= 0;
    }

    /// <summary>
    /// The candidates, in policy order, of an action some statement names literally, in any spelling; false for
    /// others.
    /// </summary>
    public bool TryFind(string action, [NotNullWhen(true)] out StatementCandidate[]? candidates)
    {
        var at = Find(action);
        candidates = at < 0 ? null : _slots[at].Candidates;
        return at >= 0;
    }

    private int Find(string action)
    {
        var slots = _slots;
        var hash = Hash(action);
        var mask = slots.Length - 1;
        for (var at = hash & mask; slots[at].Key is { } key; at = (at + 1) & mask)
        {
            if (slots[at].Hash == hash && string.Equals(key, action, StringComparison.OrdinalIgnoreCase))
            {
                return at;
            }
        }

        return -1;
    }

    // The runtime's randomised hash, so that no caller can pick actions that collide.
    private static int Hash(string action) => string.GetHashCode(action, StringComparison.OrdinalIgnoreCase);

    private readonly record struct Slot(string? Key, int Hash, int Start, int Count, StatementCandidate[]? Candidates);
}
