using System.Collections.Immutable;

namespace IamService.Policies;

/// <summary>One statement of a validated policy document.</summary>
public sealed class PolicyStatement
{
    internal PolicyStatement(
        int index,
        string? sid,
        PolicyEffect effect,
        PolicyPrincipal? principal,
        bool isNotPrincipal,
        ImmutableArray<string> actions,
        bool isNotAction,
        ImmutableArray<string> resources,
        bool isNotResource,
        ImmutableArray<ConditionClause> conditions)
    {
        Index = index;
        Sid = sid;
        Effect = effect;
        Principal = principal;
        IsNotPrincipal = isNotPrincipal;
        Actions = actions;
        IsNotAction = isNotAction;
        Resources = resources;
        IsNotResource = isNotResource;
        Conditions = conditions;
    }

    /// <summary>Zero-based position of the statement in the document.</summary>
    public int Index { get; }

    public string? Sid { get; }

    public PolicyEffect Effect { get; }

    /// <summary>The Principal (or NotPrincipal, see <see cref="IsNotPrincipal"/>); null in identity policies.</summary>
    public PolicyPrincipal? Principal { get; }

    public bool IsNotPrincipal { get; }

    /// <summary>The Action values, or the NotAction values when <see cref="IsNotAction"/>.</summary>
    public ImmutableArray<string> Actions { get; }

    public bool IsNotAction { get; }

    /// <summary>
    /// The Resource values, or the NotResource values when <see cref="IsNotResource"/>. Empty only in a trust
    /// policy, where the resource is the role itself.
    /// </summary>
    public ImmutableArray<string> Resources { get; }

    public bool IsNotResource { get; }

    public ImmutableArray<ConditionClause> Conditions { get; }
}
