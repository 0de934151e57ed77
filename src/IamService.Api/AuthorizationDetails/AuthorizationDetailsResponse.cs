using IamService.Api.Common;
using IamService.Api.Policies;

namespace IamService.Api.AuthorizationDetails;

/// <summary>
/// One page of the account's users, groups, roles and customer managed policies with everything that decides
/// permissions (IAM GetAccountAuthorizationDetails). A page runs over users, then groups, then roles, then
/// policies, each ordered by name; <c>maxItems</c> counts all four together.
/// </summary>
public sealed record AuthorizationDetailsResponse : PagedResponse
{
    public required IReadOnlyList<UserDetail> UserDetailList { get; init; }

    public required IReadOnlyList<GroupDetail> GroupDetailList { get; init; }

    public required IReadOnlyList<RoleDetail> RoleDetailList { get; init; }

    public required IReadOnlyList<PolicyResponse> Policies { get; init; }
}
