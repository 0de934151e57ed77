namespace IamService.Policies;

/// <summary>
/// The outcome of an evaluation (IAM: "Policy evaluation logic"). The default value is a deny, so a decision
/// that was never set does not grant.
/// </summary>
public enum PolicyDecision
{
    /// <summary>Nothing allowed the request, or a boundary or session policy capped it.</summary>
    ImplicitDeny,

    Allowed,

    /// <summary>A Deny statement matched.</summary>
    ExplicitDeny,
}
