using IamService.Api.Common;
using IamService.Api.Groups;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Users;

/// <summary>IAM users: people and workloads with long-term credentials in the account.</summary>
[Tags("Users")]
public sealed class UsersController(UserService users) : IamControllerBase
{
    /// <summary>Lists users ordered by name (IAM ListUsers).</summary>
    /// <param name="pathPrefix">Only users whose path starts with this, such as <c>/division/</c>.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("users")]
    [IamAction("iam:ListUsers", Resource = IamResource.Users)]
    [ProducesResponseType<UserListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<UserListResponse>> List(
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await users.ListAsync(pathPrefix, maxItems, marker, cancellationToken));

    /// <summary>Creates a user (IAM CreateUser); the answer carries its id and ARN.</summary>
    [HttpPost("users")]
    [IamAction("iam:CreateUser", Resource = IamResource.NewUser)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<UserResponse>> Create(
        CreateUserRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(await users.CreateAsync(request, cancellationToken), nameof(Get), u =>
            new { userName = u.UserName });

    /// <summary>Gets a user with its tags and permissions boundary (IAM GetUser). Names match regardless of
    /// case.</summary>
    [HttpGet("users/{userName}")]
    [IamAction("iam:GetUser", Resource = IamResource.User)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<UserResponse>> Get(string userName, CancellationToken cancellationToken) =>
        OkOrProblem(await users.GetAsync(userName, cancellationToken));

    /// <summary>Renames a user or moves it to another path (IAM UpdateUser); its id, groups and policies
    /// stay.</summary>
    [HttpPatch("users/{userName}")]
    [IamAction("iam:UpdateUser", Resource = IamResource.User)]
    [ProducesResponseType<UserResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<UserResponse>> Update(
        string userName,
        UpdateUserRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await users.UpdateAsync(userName, request, cancellationToken));

    /// <summary>
    /// Deletes a user (IAM DeleteUser) and ends all its sessions. A user still in groups, with attached or
    /// inline policies, a login profile, access keys or an enabled MFA device is not deleted: the 409
    /// DeleteConflict lists what is left. With <c>force=true</c> those are removed too, in the same transaction.
    /// </summary>
    /// <param name="userName">The user's name, any case.</param>
    /// <param name="force">Also remove what is left: memberships, policies, credentials and MFA devices.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("users/{userName}")]
    [IamAction("iam:DeleteUser", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Delete(string userName, bool force, CancellationToken cancellationToken) =>
        NoContentOrProblem(await users.DeleteAsync(userName, force, cancellationToken));

    /// <summary>Lists the groups a user is in, ordered by name (IAM ListGroupsForUser).</summary>
    /// <param name="userName">The user's name, any case.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("users/{userName}/groups")]
    [IamAction("iam:ListGroupsForUser", Resource = IamResource.User)]
    [ProducesResponseType<GroupListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<GroupListResponse>> ListGroups(
        string userName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await users.ListGroupsAsync(userName, maxItems, marker, cancellationToken));
}
