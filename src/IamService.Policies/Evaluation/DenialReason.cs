namespace IamService.Policies;

/// <summary>Why a request was denied, in words a response can use without showing policy text.</summary>
public enum DenialReason
{
    /// <summary>The request was allowed.</summary>
    None,

    ExplicitDenyInIdentityPolicy,
    ExplicitDenyInResourcePolicy,
    ExplicitDenyInPermissionsBoundary,
    ExplicitDenyInSessionPolicy,

    /// <summary>No identity-based policy allows the action (and no resource-based policy grants it).</summary>
    NoIdentityPolicyAllows,

    /// <summary>Cross-account: the identity side allows, but the resource owner's policy does not.</summary>
    NoResourcePolicyAllows,

    PermissionsBoundaryDoesNotAllow,
    SessionPolicyDoesNotAllow,

    /// <summary>
    /// A matching statement's condition could not be evaluated (a request value of the wrong type), so the
    /// request fails closed.
    /// </summary>
    EvaluationError,
}
