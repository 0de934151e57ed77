using System.Collections.Immutable;

namespace IamService.Policies;

/// <summary>
/// A Principal or NotPrincipal element: either <c>"*"</c> or a map of principal kinds to values.
/// </summary>
public sealed class PolicyPrincipal
{
    internal PolicyPrincipal(bool isWildcard, ImmutableArray<PolicyPrincipalEntry> entries)
    {
        IsWildcard = isWildcard;
        Entries = entries;
    }

    /// <summary>True for <c>"Principal": "*"</c>, which names everyone.</summary>
    public bool IsWildcard { get; }

    public ImmutableArray<PolicyPrincipalEntry> Entries { get; }
}
