using IamService.Api.Policies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A customer managed policy with all its versions and their documents (IAM ManagedPolicyDetail).</summary>
public sealed record ManagedPolicyDetail
{
    public required string PolicyName { get; init; }

    public required string PolicyId { get; init; }

    public required string Arn { get; init; }

    public required string Path { get; init; }

    public required string DefaultVersionId { get; init; }

    public required int AttachmentCount { get; init; }

    public required int PermissionsBoundaryUsageCount { get; init; }

    public required bool IsAttachable { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required DateTimeOffset UpdateDate { get; init; }

    /// <summary>Every version, newest first, each with its document.</summary>
    public required IReadOnlyList<PolicyVersionResponse> PolicyVersionList { get; init; }
}
