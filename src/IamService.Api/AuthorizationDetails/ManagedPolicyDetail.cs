using IamService.Api.Policies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>A customer managed policy with all its versions and their documents (IAM ManagedPolicyDetail).</summary>
public sealed record ManagedPolicyDetail
{
    /// <example>ReadReports</example>
    public required string PolicyName { get; init; }

    /// <example>ANPAJ2UCCR6DPCEXAMPLE</example>
    public required string PolicyId { get; init; }

    /// <example>arn:aws:iam::123456789012:policy/ReadReports</example>
    public required string Arn { get; init; }

    /// <example>/</example>
    public required string Path { get; init; }

    /// <example>v1</example>
    public required string DefaultVersionId { get; init; }

    /// <example>2</example>
    public required int AttachmentCount { get; init; }

    /// <example>0</example>
    public required int PermissionsBoundaryUsageCount { get; init; }

    public required bool IsAttachable { get; init; }

    public string? Description { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required DateTimeOffset UpdateDate { get; init; }

    /// <summary>Every version, newest first, each with its document.</summary>
    public required IReadOnlyList<PolicyVersionResponse> PolicyVersionList { get; init; }
}
