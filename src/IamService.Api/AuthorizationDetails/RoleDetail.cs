using IamService.Api.Common;
using IamService.Api.EntityPolicies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A role with its trust policy and everything that decides its permissions (IAM RoleDetail).</summary>
public sealed record RoleDetail
{
    /// <example>/</example>
    public required string Path { get; init; }

    /// <example>ReportReader</example>
    public required string RoleName { get; init; }

    /// <example>AROADBQP57FF2AEXAMPLE</example>
    public required string RoleId { get; init; }

    /// <example>arn:aws:iam::123456789012:role/ReportReader</example>
    public required string Arn { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required string AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    /// <example>3600</example>
    public required int MaxSessionDuration { get; init; }

    public required IReadOnlyList<InlinePolicyDetail> RolePolicyList { get; init; }

    public required IReadOnlyList<AttachedPolicyResponse> AttachedManagedPolicies { get; init; }

    public PermissionsBoundaryResponse? PermissionsBoundary { get; init; }

    public required IReadOnlyList<IamTag> Tags { get; init; }
}
