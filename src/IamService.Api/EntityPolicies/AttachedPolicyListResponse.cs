using IamService.Api.Common;

namespace IamService.Api.EntityPolicies;

/// <summary>A page of the managed policies attached to a user, group or role, ordered by name.</summary>
public sealed record AttachedPolicyListResponse : PagedResponse
{
    public required IReadOnlyList<AttachedPolicyResponse> AttachedPolicies { get; init; }
}
