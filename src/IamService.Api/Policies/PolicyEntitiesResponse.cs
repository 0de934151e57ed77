using IamService.Api.Common;

namespace IamService.Api.Policies;

/// <summary>
/// One page of the users, groups and roles that use a managed policy (IAM ListEntitiesForPolicy). The page
/// runs over users, then groups, then roles, each ordered by name.
/// </summary>
public sealed record PolicyEntitiesResponse : PagedResponse
{
    public required IReadOnlyList<PolicyUserResponse> PolicyUsers { get; init; }

    public required IReadOnlyList<PolicyGroupResponse> PolicyGroups { get; init; }

    public required IReadOnlyList<PolicyRoleResponse> PolicyRoles { get; init; }
}
