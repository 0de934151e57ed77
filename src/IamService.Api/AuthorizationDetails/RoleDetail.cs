using IamService.Api.Common;
using IamService.Api.EntityPolicies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A role with its trust policy and everything that decides its permissions (IAM RoleDetail).</summary>
public sealed record RoleDetail
{
    public required string Path { get; init; }

    public required string RoleName { get; init; }

    public required string RoleId { get; init; }

    public required string Arn { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required string AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    public required int MaxSessionDuration { get; init; }

    public required IReadOnlyList<InlinePolicyDetail> RolePolicyList { get; init; }

    public required IReadOnlyList<AttachedPolicyResponse> AttachedManagedPolicies { get; init; }

    public PermissionsBoundaryResponse? PermissionsBoundary { get; init; }

    public required IReadOnlyList<IamTag> Tags { get; init; }
}
