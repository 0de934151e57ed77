using IamService.Api.Common;
using IamService.Data.Roles;

namespace IamService.Api.Roles;

/// <summary>A role as IAM describes it. Lists leave out the tags and the permissions boundary.</summary>
public sealed record RoleResponse
{
    /// <example>ReportReader</example>
    public required string RoleName { get; init; }

    /// <example>AROADBQP57FF2AEXAMPLE</example>
    public required string RoleId { get; init; }

    /// <example>arn:aws:iam::123456789012:role/reporting/ReportReader</example>
    public required string Arn { get; init; }

    /// <example>/reporting/</example>
    public required string Path { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    /// <summary>The trust policy exactly as it was submitted.</summary>
    public required string AssumeRolePolicyDocument { get; init; }

    public string? Description { get; init; }

    /// <summary>The longest session, in seconds.</summary>
    /// <example>3600</example>
    public required int MaxSessionDuration { get; init; }

    public PermissionsBoundaryResponse? PermissionsBoundary { get; init; }

    public IReadOnlyList<IamTag>? Tags { get; init; }

    /// <summary>On create and trust policy update only: what the engine found risky in the accepted trust
    /// policy.</summary>
    public IReadOnlyList<PolicyProblemResponse>? Warnings { get; init; }

    public static RoleResponse Summary(Role role, string accountId)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new()
        {
            RoleName = role.Name,
            RoleId = role.Id,
            Arn = IamArn.Format(accountId, EntityKind.Role, role.Path, role.Name),
            Path = role.Path,
            CreateDate = role.CreateDate,
            AssumeRolePolicyDocument = role.AssumeRolePolicyDocument,
            Description = role.Description,
            MaxSessionDuration = role.MaxSessionDuration,
        };
    }

    /// <summary>Everything, for a role loaded with its tags and boundary.</summary>
    public static RoleResponse Full(Role role, string accountId) => Summary(role, accountId) with
    {
        PermissionsBoundary = PermissionsBoundaryResponse.For(role.PermissionsBoundary, accountId),
        Tags = TagMerge.ToResponse(role.Tags),
    };
}
