using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Groups;

/// <summary>
/// A group's tags. <c>GET</c> lists them, <c>POST</c> adds or overwrites the given keys and leaves the others,
/// <c>DELETE ?tagKeys=a&amp;tagKeys=b</c> removes the given keys. Keys match regardless of case. IAM itself
/// has no group tags; they follow the rules of user tags.
/// </summary>
[Tags("Groups")]
public sealed class GroupTagsController(GroupService groups) : IamControllerBase
{
    /// <summary>Lists a group's tags ordered by key.</summary>
    [HttpGet("groups/{groupName}/tags")]
    [IamAction("iam:ListGroupTags", Resource = IamResource.Group)]
    [ProducesResponseType<TagListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<TagListResponse>> List(string groupName, CancellationToken cancellationToken) =>
        OkOrProblem(await groups.ListTagsAsync(groupName, cancellationToken));

    /// <summary>
    /// Adds tags to a group, overwriting the value of keys it already has. A group holds at most
    /// 50 tags: more gives 409 LimitExceeded and changes nothing.
    /// </summary>
    [HttpPost("groups/{groupName}/tags")]
    [IamAction("iam:TagGroup", Resource = IamResource.Group)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Tag(string groupName, TagsRequest request, CancellationToken cancellationToken) =>
        NoContentOrProblem(await groups.TagAsync(groupName, request, cancellationToken));

    /// <summary>Removes tags from a group by key; keys it does not have are ignored.</summary>
    /// <param name="groupName">The group's name, any case.</param>
    /// <param name="tagKeys">1 to 50 keys, repeated: <c>?tagKeys=a&amp;tagKeys=b</c>.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("groups/{groupName}/tags")]
    [IamAction("iam:UntagGroup", Resource = IamResource.Group)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Untag(
        string groupName,
        [FromQuery] string[] tagKeys,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(await groups.UntagAsync(groupName, tagKeys, cancellationToken));
}
