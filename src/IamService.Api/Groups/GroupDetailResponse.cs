using IamService.Api.Common;
using IamService.Api.Users;

namespace IamService.Api.Groups;

/// <summary>A group and one page of its members ordered by name, as IAM's GetGroup answers.</summary>
public sealed record GroupDetailResponse : PagedResponse
{
    public required GroupResponse Group { get; init; }

    public required IReadOnlyList<UserResponse> Users { get; init; }
}
