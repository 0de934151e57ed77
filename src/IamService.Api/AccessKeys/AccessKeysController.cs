using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.AccessKeys;

/// <summary>Access keys: a user's long-term credentials for obtaining session tokens.</summary>
[Tags("Access keys")]
public sealed class AccessKeysController(AccessKeyService keys) : IamControllerBase
{
    /// <summary>
    /// Creates an access key for a user (IAM CreateAccessKey). The answer is the only time the secret is
    /// shown: only its hash is kept. A user has at most two keys.
    /// </summary>
    /// <response code="201">The key, with its secret.</response>
    /// <response code="404">No such user.</response>
    /// <response code="409">The user already has two keys (LimitExceeded).</response>
    [HttpPost("users/{userName}/access-keys")]
    [IamAction("iam:CreateAccessKey", Resource = IamResource.User)]
    [ProducesResponseType<CreatedAccessKeyResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<CreatedAccessKeyResponse>> Create(
        string userName,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(
            await keys.CreateAsync(userName, cancellationToken), nameof(List), k => new { userName = k.UserName });

    /// <summary>Lists a user's access keys without their secrets (IAM ListAccessKeys).</summary>
    /// <response code="200">The keys, oldest first.</response>
    /// <response code="404">No such user.</response>
    [HttpGet("users/{userName}/access-keys")]
    [IamAction("iam:ListAccessKeys", Resource = IamResource.User)]
    [ProducesResponseType<AccessKeyListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<AccessKeyListResponse>> List(string userName, CancellationToken cancellationToken) =>
        OkOrProblem(await keys.ListAsync(userName, cancellationToken));

    /// <summary>
    /// Makes a key Active or Inactive (IAM UpdateAccessKey). Making it Inactive also ends every session
    /// token obtained with it.
    /// </summary>
    /// <response code="204">Done.</response>
    /// <response code="404">No such user, or the user has no such key.</response>
    [HttpPatch("users/{userName}/access-keys/{accessKeyId}")]
    [IamAction("iam:UpdateAccessKey", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Update(
        string userName,
        string accessKeyId,
        UpdateAccessKeyRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return NoContentOrProblem(await keys.UpdateAsync(userName, accessKeyId, request.Status, cancellationToken));
    }

    /// <summary>Deletes a key (IAM DeleteAccessKey) and ends every session token obtained with it.</summary>
    /// <response code="204">Deleted.</response>
    /// <response code="404">No such user, or the user has no such key.</response>
    [HttpDelete("users/{userName}/access-keys/{accessKeyId}")]
    [IamAction("iam:DeleteAccessKey", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Delete(string userName, string accessKeyId, CancellationToken cancellationToken) =>
        NoContentOrProblem(await keys.DeleteAsync(userName, accessKeyId, cancellationToken));

    /// <summary>
    /// When a key was last used and for which service (IAM GetAccessKeyLastUsed); <c>serviceName</c> is
    /// <c>N/A</c> for a key never used.
    /// </summary>
    /// <response code="200">The key's owner and last use.</response>
    /// <response code="404">No such key.</response>
    [HttpGet("access-keys/{accessKeyId}/last-used")]
    [IamAction("iam:GetAccessKeyLastUsed", Resource = IamResource.AccessKeyOwner)]
    [ProducesResponseType<AccessKeyLastUsedResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<AccessKeyLastUsedResponse>> GetLastUsed(
        string accessKeyId,
        CancellationToken cancellationToken) =>
        OkOrProblem(await keys.GetLastUsedAsync(accessKeyId, cancellationToken));
}
