namespace IamService.Policies;

/// <summary>
/// A statement as the fast path reads it for one literal action: its effect, its resource gate and, when it has
/// one, the <see cref="ResourceShortcut"/> that decides it without reading the statement itself. A value type,
/// so that the entries of an action lie in one array, one cache line each.
/// </summary>
internal readonly struct DecisionEntry(CompiledStatement statement)
{
    public CompiledStatement Statement { get; } = statement;

    public ResourceGate Gate { get; } = statement.Gate;

    public ResourceShortcut Shortcut { get; } = statement.Shortcut;

    public bool IsDeny { get; } = statement.Effect == PolicyEffect.Deny;

    /// <summary>
    /// Only conditions make a statement fail to evaluate, so an entry without them can add nothing but an Allow
    /// once a slot already allows.
    /// </summary>
    public bool CanFail { get; } = statement.HasConditions;

    /// <summary>
    /// The order the fast path reads an action's entries in: Deny, which settles the decision, then Allow with
    /// conditions, which can still fail, then the rest, of which the first that applies is enough.
    /// </summary>
    public int Rank => IsDeny ? 0 : CanFail ? 1 : 2;
}
