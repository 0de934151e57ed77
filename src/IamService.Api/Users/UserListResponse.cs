using IamService.Api.Common;

namespace IamService.Api.Users;

/// <summary>A page of users ordered by name.</summary>
public sealed record UserListResponse : PagedResponse
{
    public required IReadOnlyList<UserResponse> Users { get; init; }
}
