using IamService.Api.Common;

namespace IamService.Api.Groups;

/// <summary>A page of groups ordered by name.</summary>
public sealed record GroupListResponse : PagedResponse
{
    public required IReadOnlyList<GroupResponse> Groups { get; init; }
}
