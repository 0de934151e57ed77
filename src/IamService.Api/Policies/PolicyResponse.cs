using IamService.Api.Common;
using IamService.Data.Policies;

namespace IamService.Api.Policies;

/// <summary>A customer managed policy as IAM describes it. Lists leave out the description and the tags.</summary>
public sealed record PolicyResponse
{
    /// <example>ReadReports</example>
    public required string PolicyName { get; init; }

    /// <example>ANPAJ2UCCR6DPCEXAMPLE</example>
    public required string PolicyId { get; init; }

    /// <example>arn:aws:iam::123456789012:policy/reporting/ReadReports</example>
    public required string Arn { get; init; }

    /// <example>/reporting/</example>
    public required string Path { get; init; }

    /// <summary>The version in force, such as <c>v1</c>.</summary>
    /// <example>v1</example>
    public required string DefaultVersionId { get; init; }

    /// <summary>How many users, groups and roles the policy is attached to.</summary>
    /// <example>2</example>
    public required int AttachmentCount { get; init; }

    /// <summary>How many users and roles have the policy as their permissions boundary.</summary>
    /// <example>0</example>
    public required int PermissionsBoundaryUsageCount { get; init; }

    public required bool IsAttachable { get; init; }

    /// <example>Read access to the reports bucket.</example>
    public string? Description { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>When the latest version was created; the creation date while there is one version.</summary>
    public required DateTimeOffset UpdateDate { get; init; }

    public IReadOnlyList<IamTag>? Tags { get; init; }

    /// <summary>In account/authorization-details only: every version, newest first, each with its document.</summary>
    public IReadOnlyList<PolicyVersionResponse>? PolicyVersionList { get; init; }

    /// <summary>On create only: what the engine found risky in the document, which was accepted.</summary>
    public IReadOnlyList<PolicyProblemResponse>? Warnings { get; init; }

    public static PolicyResponse Summary(ManagedPolicy policy, PolicyUsage usage, string accountId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(usage);
        return new()
        {
            PolicyName = policy.Name,
            PolicyId = policy.Id,
            Arn = policy.ArnOf(accountId),
            Path = policy.Path,
            DefaultVersionId = ManagedPolicyVersion.FormatVersionId(policy.DefaultVersionNumber),
            AttachmentCount = usage.AttachmentCount,
            PermissionsBoundaryUsageCount = usage.PermissionsBoundaryUsageCount,
            IsAttachable = policy.IsAttachable,
            CreateDate = policy.CreateDate,
            UpdateDate = policy.UpdateDate,
        };
    }

    /// <summary>Everything, for a policy loaded with its tags.</summary>
    public static PolicyResponse Full(ManagedPolicy policy, PolicyUsage usage, string accountId) =>
        Summary(policy, usage, accountId) with
        {
            Description = policy.Description,
            Tags = TagMerge.ToResponse(policy.Tags),
        };
}
