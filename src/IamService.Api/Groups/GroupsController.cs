using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Groups;

/// <summary>IAM groups: sets of users that receive the group's policies. Groups do not nest.</summary>
[Tags("Groups")]
public sealed class GroupsController(GroupService groups) : IamControllerBase
{
    /// <summary>Lists groups ordered by name (IAM ListGroups).</summary>
    /// <param name="pathPrefix">Only groups whose path starts with this, such as <c>/division/</c>.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("groups")]
    [IamAction("iam:ListGroups", Resource = IamResource.Groups)]
    [ProducesResponseType<GroupListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<GroupListResponse>> List(
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await groups.ListAsync(pathPrefix, maxItems, marker, cancellationToken));

    /// <summary>Creates a group (IAM CreateGroup). The account holds at most Limits:GroupsPerAccount groups.</summary>
    [HttpPost("groups")]
    [IamAction("iam:CreateGroup", Resource = IamResource.NewGroup)]
    [ProducesResponseType<GroupResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<GroupResponse>> Create(
        CreateGroupRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(await groups.CreateAsync(request, cancellationToken), nameof(Get), g =>
            new { groupName = g.GroupName });

    /// <summary>Gets a group with its tags and one page of its members ordered by name (IAM GetGroup).</summary>
    /// <param name="groupName">The group's name, any case.</param>
    /// <param name="maxItems">Members per page, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page of members, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("groups/{groupName}")]
    [IamAction("iam:GetGroup", Resource = IamResource.Group)]
    [ProducesResponseType<GroupDetailResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<GroupDetailResponse>> Get(
        string groupName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await groups.GetAsync(groupName, maxItems, marker, cancellationToken));

    /// <summary>Renames a group or moves it to another path (IAM UpdateGroup); its id and members stay.</summary>
    [HttpPatch("groups/{groupName}")]
    [IamAction("iam:UpdateGroup", Resource = IamResource.Group)]
    [ProducesResponseType<GroupResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<GroupResponse>> Update(
        string groupName,
        UpdateGroupRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await groups.UpdateAsync(groupName, request, cancellationToken));

    /// <summary>
    /// Deletes a group (IAM DeleteGroup). A group with members or attached or inline policies is not deleted:
    /// the 409 DeleteConflict lists what is left. With <c>force=true</c> the memberships and policies are
    /// removed in the same transaction; the users themselves are never deleted.
    /// </summary>
    /// <param name="groupName">The group's name, any case.</param>
    /// <param name="force">Also remove the group's memberships and policies.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("groups/{groupName}")]
    [IamAction("iam:DeleteGroup", Resource = IamResource.Group)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Delete(string groupName, bool force, CancellationToken cancellationToken) =>
        NoContentOrProblem(await groups.DeleteAsync(groupName, force, cancellationToken));
}
