using IamService.Api.Common;
using IamService.Api.EntityPolicies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A user with everything that decides its permissions (IAM UserDetail).</summary>
public sealed record UserDetail
{
    /// <example>/</example>
    public required string Path { get; init; }

    /// <example>alice</example>
    public required string UserName { get; init; }

    /// <example>AIDAJQABLZS4A3QDU576Q</example>
    public required string UserId { get; init; }

    /// <example>arn:aws:iam::123456789012:user/alice</example>
    public required string Arn { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required IReadOnlyList<InlinePolicyDetail> UserPolicyList { get; init; }

    /// <summary>The names of the groups the user is in.</summary>
    public required IReadOnlyList<string> GroupList { get; init; }

    public required IReadOnlyList<AttachedPolicyResponse> AttachedManagedPolicies { get; init; }

    public PermissionsBoundaryResponse? PermissionsBoundary { get; init; }

    public required IReadOnlyList<IamTag> Tags { get; init; }
}
