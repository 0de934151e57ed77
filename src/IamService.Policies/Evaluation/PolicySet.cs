namespace IamService.Policies;

/// <summary>
/// Every policy that applies to one caller and resource. Immutable; build it once per caller (and resource
/// policy) and reuse it: construction merges the identity and session policies' statement indexes so that a
/// decision looks each slot up once.
/// </summary>
public sealed class PolicySet
{
    public PolicySet(
        IEnumerable<CompiledPolicy> identityPolicies,
        CompiledPolicy? permissionsBoundary = null,
        IEnumerable<CompiledPolicy>? sessionPolicies = null,
        ResourceBasedPolicy? resourcePolicy = null)
    {
        ArgumentNullException.ThrowIfNull(identityPolicies);

        Identity = [.. identityPolicies];
        PermissionsBoundary = permissionsBoundary;
        Session = [.. sessionPolicies ?? []];
        ResourcePolicy = resourcePolicy;
        IdentityIndex = StatementIndex.Merge([.. Identity.Select(p => p.Index)]);
        SessionIndex = Session.Length == 0 ? null : StatementIndex.Merge([.. Session.Select(p => p.Index)]);
    }

    /// <summary>Managed and inline policies of the user or role, including those received through groups.</summary>
    public IReadOnlyList<CompiledPolicy> IdentityPolicies => Identity;

    public CompiledPolicy? PermissionsBoundary { get; }

    /// <summary>
    /// The session policies of a role or federated session; empty when none were passed. Together they allow
    /// what any one of them allows.
    /// </summary>
    public IReadOnlyList<CompiledPolicy> SessionPolicies => Session;

    public ResourceBasedPolicy? ResourcePolicy { get; }

    internal CompiledPolicy[] Identity { get; }

    internal CompiledPolicy[] Session { get; }

    internal StatementIndex IdentityIndex { get; }

    /// <summary>Null when there are no session policies.</summary>
    internal StatementIndex? SessionIndex { get; }
}
