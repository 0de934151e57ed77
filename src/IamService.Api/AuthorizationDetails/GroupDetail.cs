using IamService.Api.EntityPolicies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A group with its policies (IAM GroupDetail).</summary>
public sealed record GroupDetail
{
    /// <example>/</example>
    public required string Path { get; init; }

    /// <example>Developers</example>
    public required string GroupName { get; init; }

    /// <example>AGPAJQABLZS4A3QDU576Q</example>
    public required string GroupId { get; init; }

    /// <example>arn:aws:iam::123456789012:group/Developers</example>
    public required string Arn { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required IReadOnlyList<InlinePolicyDetail> GroupPolicyList { get; init; }

    public required IReadOnlyList<AttachedPolicyResponse> AttachedManagedPolicies { get; init; }
}
