using IamService.Api.Common;

namespace IamService.Api.EntityPolicies;

/// <summary>A page of the names of a user's, group's or role's inline policies, ordered by name.</summary>
public sealed record InlinePolicyListResponse : PagedResponse
{
    /// <example>["ReadOwnReports"]</example>
    public required IReadOnlyList<string> PolicyNames { get; init; }
}
