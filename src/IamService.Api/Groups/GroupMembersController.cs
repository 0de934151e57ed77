using IamService.Api.Common;
using IamService.Api.Guard;
using IamService.Api.Users;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Groups;

/// <summary>A group's members.</summary>
[Tags("Groups")]
public sealed class GroupMembersController(GroupService groups) : IamControllerBase
{
    /// <summary>Lists a group's members ordered by name.</summary>
    /// <param name="groupName">The group's name, any case.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("groups/{groupName}/users")]
    [IamAction("iam:GetGroup", Resource = IamResource.Group)]
    [ProducesResponseType<UserListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<UserListResponse>> List(
        string groupName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await groups.ListUsersAsync(groupName, maxItems, marker, cancellationToken));

    /// <summary>
    /// Adds a user to a group (IAM AddUserToGroup); adding a member again is a no-op. A user can be in at most
    /// Limits:GroupsPerUser groups: beyond that, 409 LimitExceeded.
    /// </summary>
    [HttpPut("groups/{groupName}/users/{userName}")]
    [IamAction("iam:AddUserToGroup", Resource = IamResource.Group)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Add(string groupName, string userName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await groups.AddUserAsync(groupName, userName, cancellationToken));

    /// <summary>Removes a user from a group (IAM RemoveUserFromGroup); 404 when the user is not a member.</summary>
    [HttpDelete("groups/{groupName}/users/{userName}")]
    [IamAction("iam:RemoveUserFromGroup", Resource = IamResource.Group)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Remove(string groupName, string userName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await groups.RemoveUserAsync(groupName, userName, cancellationToken));
}
