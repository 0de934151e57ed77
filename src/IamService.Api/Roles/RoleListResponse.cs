using IamService.Api.Common;

namespace IamService.Api.Roles;

/// <summary>A page of roles ordered by name.</summary>
public sealed record RoleListResponse : PagedResponse
{
    public required IReadOnlyList<RoleResponse> Roles { get; init; }
}
