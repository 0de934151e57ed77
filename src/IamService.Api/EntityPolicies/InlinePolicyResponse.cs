using IamService.Api.Common;

namespace IamService.Api.EntityPolicies;

/// <summary>
/// An inline policy with its document (IAM GetUserPolicy, GetGroupPolicy, GetRolePolicy): exactly one of
/// <c>userName</c>, <c>groupName</c> and <c>roleName</c> names its holder.
/// </summary>
public sealed record InlinePolicyResponse
{
    public string? UserName { get; init; }

    public string? GroupName { get; init; }

    public string? RoleName { get; init; }

    /// <example>ReadOwnReports</example>
    public required string PolicyName { get; init; }

    /// <summary>The document exactly as it was submitted.</summary>
    public required string PolicyDocument { get; init; }

    /// <summary>On put only: what the engine found risky in the document, which was accepted.</summary>
    public IReadOnlyList<PolicyProblemResponse>? Warnings { get; init; }

    public static InlinePolicyResponse For(EntityKind kind, string holderName, string policyName, string document) =>
        new()
    {
        UserName = kind == EntityKind.User ? holderName : null,
        GroupName = kind == EntityKind.Group ? holderName : null,
        RoleName = kind == EntityKind.Role ? holderName : null,
        PolicyName = policyName,
        PolicyDocument = document,
    };
}
