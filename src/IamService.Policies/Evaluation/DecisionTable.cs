namespace IamService.Policies;

/// <summary>
/// IAM's decision rule for a request within one account or across accounts (IAM: "Policy evaluation logic",
/// "Cross-account policy evaluation logic"), written as one table over what matched.
/// </summary>
internal static class DecisionTable
{
    public static (PolicyDecision Decision, DenialReason Reason) Decide(in EvaluationFacts facts)
    {
        var resourceGrant = (facts.Resource & ScanResult.DirectAllow) != 0 ? Grant.Direct
            : (facts.Resource & ScanResult.GrantingAllow) != 0 ? Grant.Indirect
            : (facts.Resource & ScanResult.Allow) != 0 ? Grant.AccountOnly
            : Grant.None;
        var identityAllows = (facts.Identity & ScanResult.Allow) != 0;
        var failed = ((facts.Identity | facts.Resource | (facts.Boundary ?? 0) | (facts.Session ?? 0))
            & ScanResult.Error) != 0;

        return (FirstDeny(in facts), failed, facts.SameAccount, resourceGrant, identityAllows, Cap(in facts)) switch
        {
            // An explicit deny in any policy overrides every allow; the first slot that denied is reported.
            (PolicySlot.Identity, _, _, _, _, _) => Deny(DenialReason.ExplicitDenyInIdentityPolicy),
            (PolicySlot.Resource, _, _, _, _, _) => Deny(DenialReason.ExplicitDenyInResourcePolicy),
            (PolicySlot.PermissionsBoundary, _, _, _, _, _) => Deny(DenialReason.ExplicitDenyInPermissionsBoundary),
            (PolicySlot.Session, _, _, _, _, _) => Deny(DenialReason.ExplicitDenyInSessionPolicy),

            // A matching statement that could not be evaluated might have been a deny: fail closed.
            (_, true, _, _, _, _) => Implicit(DenialReason.EvaluationError),

            // Same account: a resource-based policy naming the caller's own user or session ARN grants by itself;
            // an implicit deny in a permissions boundary or session policy does not limit it.
            (_, _, true, Grant.Direct, _, _) => Allow(),

            // Same account: neither an identity-based policy nor a resource-based policy grants. A resource-based
            // policy that names only the caller's account delegates to the account's identity-based policies.
            (_, _, true, Grant.None or Grant.AccountOnly, false, _) => Implicit(DenialReason.NoIdentityPolicyAllows),

            // Cross-account: the caller's identity-based policies must allow ...
            (_, _, false, _, false, _) => Implicit(DenialReason.NoIdentityPolicyAllows),

            // ... and so must the resource owner's resource-based policy.
            (_, _, false, Grant.None, true, _) => Implicit(DenialReason.NoResourcePolicyAllows),

            // Something grants, but a boundary or session policy that does not allow caps it at implicit deny.
            // This includes resource-policy grants to the role behind a session, its account, or "*".
            (_, _, _, _, _, Limit.Boundary) => Implicit(DenialReason.PermissionsBoundaryDoesNotAllow),
            (_, _, _, _, _, Limit.Session) => Implicit(DenialReason.SessionPolicyDoesNotAllow),

            // Granted and not capped.
            _ => Allow(),
        };
    }

    /// <summary>Whether a boundary or the session policies allow the request: an Allow matched, nothing else.</summary>
    public static bool? Allows(ScanResult? slot) => slot is { } result
        ? (result & (ScanResult.Allow | ScanResult.Deny | ScanResult.Error)) == ScanResult.Allow
        : null;

    private static PolicySlot? FirstDeny(in EvaluationFacts facts) =>
        (facts.Identity & ScanResult.Deny) != 0 ? PolicySlot.Identity
        : (facts.Resource & ScanResult.Deny) != 0 ? PolicySlot.Resource
        : ((facts.Boundary ?? 0) & ScanResult.Deny) != 0 ? PolicySlot.PermissionsBoundary
        : ((facts.Session ?? 0) & ScanResult.Deny) != 0 ? PolicySlot.Session
        : null;

    private static Limit Cap(in EvaluationFacts facts) =>
        Allows(facts.Boundary) == false ? Limit.Boundary
        : Allows(facts.Session) == false ? Limit.Session
        : Limit.None;

    private static (PolicyDecision, DenialReason) Deny(DenialReason reason) => (PolicyDecision.ExplicitDeny, reason);

    private static (PolicyDecision, DenialReason) Implicit(DenialReason reason) =>
        (PolicyDecision.ImplicitDeny, reason);

    private static (PolicyDecision, DenialReason) Allow() => (PolicyDecision.Allowed, DenialReason.None);

    /// <summary>What the resource-based policy's Allow statements did for the caller.</summary>
    private enum Grant
    {
        None,

        /// <summary>Allowed the caller's account: the resource side agrees, but grants nothing by itself.</summary>
        AccountOnly,

        /// <summary>Granted the role behind the session, or everyone.</summary>
        Indirect,

        /// <summary>Granted the caller's own user or session ARN.</summary>
        Direct,
    }

    private enum Limit
    {
        None,
        Boundary,
        Session,
    }
}
