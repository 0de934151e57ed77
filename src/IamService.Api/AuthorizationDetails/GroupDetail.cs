using IamService.Api.EntityPolicies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A group with its policies (IAM GroupDetail).</summary>
public sealed record GroupDetail
{
    public required string Path { get; init; }

    public required string GroupName { get; init; }

    public required string GroupId { get; init; }

    public required string Arn { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required IReadOnlyList<InlinePolicyDetail> GroupPolicyList { get; init; }

    public required IReadOnlyList<AttachedPolicyResponse> AttachedManagedPolicies { get; init; }
}
