using IamService.Api.Common;

namespace IamService.Api.Policies;

/// <summary>A page of customer managed policies ordered by name.</summary>
public sealed record PolicyListResponse : PagedResponse
{
    public required IReadOnlyList<PolicyResponse> Policies { get; init; }
}
