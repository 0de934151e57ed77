using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Users;

/// <summary>
/// A user's tags. <c>GET</c> lists them, <c>POST</c> adds or overwrites the given keys and leaves the others
/// (IAM TagUser), <c>DELETE ?tagKeys=a&amp;tagKeys=b</c> removes the given keys (IAM UntagUser). Keys match
/// regardless of case.
/// </summary>
[Tags("Users")]
public sealed class UserTagsController(UserService users) : IamControllerBase
{
    /// <summary>Lists a user's tags ordered by key (IAM ListUserTags).</summary>
    [HttpGet("users/{userName}/tags")]
    [IamAction("iam:ListUserTags", Resource = IamResource.User)]
    [ProducesResponseType<TagListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<TagListResponse>> List(string userName, CancellationToken cancellationToken) =>
        OkOrProblem(await users.ListTagsAsync(userName, cancellationToken));

    /// <summary>
    /// Adds tags to a user, overwriting the value of keys it already has (IAM TagUser). A user holds at most
    /// 50 tags: more gives 409 LimitExceeded and changes nothing.
    /// </summary>
    [HttpPost("users/{userName}/tags")]
    [IamAction("iam:TagUser", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Tag(string userName, TagsRequest request, CancellationToken cancellationToken) =>
        NoContentOrProblem(await users.TagAsync(userName, request, cancellationToken));

    /// <summary>Removes tags from a user by key (IAM UntagUser); keys it does not have are ignored.</summary>
    /// <param name="userName">The user's name, any case.</param>
    /// <param name="tagKeys">1 to 50 keys, repeated: <c>?tagKeys=a&amp;tagKeys=b</c>.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("users/{userName}/tags")]
    [IamAction("iam:UntagUser", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Untag(
        string userName,
        [FromQuery] string[] tagKeys,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(await users.UntagAsync(userName, tagKeys, cancellationToken));
}
