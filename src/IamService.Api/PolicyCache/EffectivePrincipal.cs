using IamService.Api.Decisions;
using IamService.Policies;

namespace IamService.Api.PolicyCache;

/// <summary>
/// A user or role as decisions see it: the principal with its tags, and its compiled identity policies and
/// boundary. Immutable, so one instance serves every request until a change it depends on drops it.
/// </summary>
public sealed record EffectivePrincipal(
    RequestPrincipal Principal,
    IReadOnlyList<CompiledPolicy> IdentityPolicies,
    CompiledPolicy? PermissionsBoundary)
{
    /// <summary>The policy set for requests without session policies or a resource policy, built once.</summary>
    public PolicySet Policies { get; } = new(IdentityPolicies, PermissionsBoundary);

    /// <summary>This principal as decisions about it by ARN see it: no session, built once.</summary>
    public DecisionSubject Subject => field ??= new DecisionSubject(Principal, this, [], null);

    /// <summary>The same policies plus a session's policies and a resource policy, for one request.</summary>
    public PolicySet With(IReadOnlyList<CompiledPolicy> sessionPolicies, ResourceBasedPolicy? resourcePolicy) =>
        sessionPolicies.Count == 0 && resourcePolicy is null
            ? Policies
            : new PolicySet(IdentityPolicies, PermissionsBoundary, sessionPolicies, resourcePolicy);
}
