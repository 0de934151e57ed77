namespace IamService.Policies;

/// <summary>
/// A context key named by a policy, resolved once at compile time: its name and, for
/// <c>aws:PrincipalTag/KEY</c>, the tag key so the principal's tags can answer without building a string.
/// </summary>
internal sealed class ContextKeyRef
{
    private const string PrincipalTagPrefix = "aws:PrincipalTag/";

    private ContextKeyRef(string name, string? principalTagKey)
    {
        Name = name;
        PrincipalTagKey = principalTagKey;
    }

    public string Name { get; }

    public string? PrincipalTagKey { get; }

    public static ContextKeyRef Create(string name) =>
        new(name, name.StartsWith(PrincipalTagPrefix, StringComparison.OrdinalIgnoreCase)
            ? name[PrincipalTagPrefix.Length..]
            : null);

    public override string ToString() => Name;
}
