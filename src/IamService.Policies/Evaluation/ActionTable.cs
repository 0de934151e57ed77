namespace IamService.Policies;

/// <summary>
/// The fast path's map from a literal action to its <see cref="DecisionEntry"/> values: an open-addressing table
/// whose slots point into one array holding every action's entries back to back. A value type kept inside
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

            slots[at] = new Slot(action, hash, start, entries.Count - start);
        }

        return new ActionTable(slots, [.. entries]);
    }

    /// <summary>The entries of an action some statement names literally, in any spelling; false for others.</summary>
    public bool TryFind(string action, out ReadOnlySpan<DecisionEntry> entries)
    {
        var slots = _slots;
        var hash = Hash(action);
        var mask = slots.Length - 1;
        for (var at = hash & mask; slots[at].Key is { } key; at = (at + 1) & mask)
        {
            if (slots[at].Hash == hash && string.Equals(key, action, StringComparison.OrdinalIgnoreCase))
            {
                entries = _entries.AsSpan(slots[at].Start, slots[at].Count);
                return true;
            }
        }

        entries = default;
        return false;
    }

    // The runtime's randomised hash, so that no caller can pick actions that collide.
    private static int Hash(string action) => string.GetHashCode(action, StringComparison.OrdinalIgnoreCase);

    private readonly record struct Slot(string? Key, int Hash, int Start, int Count);
}
