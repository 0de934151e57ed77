using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.LoginProfiles;

/// <summary>Users' console passwords (IAM login profiles).</summary>
[Tags("Users")]
public sealed class LoginProfilesController(LoginProfileService profiles) : IamControllerBase
{
    /// <summary>
    /// Creates or replaces a user's password (IAM CreateLoginProfile / UpdateLoginProfile). The password must
    /// meet the password policy; replacing it ends the user's sessions.
    /// </summary>
    /// <response code="200">The password was replaced, or only its reset flag changed.</response>
    /// <response code="201">The user had no password; now they can sign in.</response>
    /// <response code="400">The password breaks the policy (PasswordPolicyViolation lists each rule).</response>
    /// <response code="404">No such user.</response>
    [HttpPut("users/{userName}/login-profile")]
    [IamAction("iam:UpdateLoginProfile",
        Resource = IamResource.User,
        CreateLoginProfileAction = "iam:CreateLoginProfile")]
    [ProducesResponseType<LoginProfileResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<LoginProfileResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<LoginProfileResponse>> Put(
        string userName,
        LoginProfileRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await profiles.PutAsync(userName, request, cancellationToken);
        if (!outcome.IsSuccess)
        {
            return Problem(outcome.Error);
        }

        return outcome.Value.Created
            ? CreatedAtAction(nameof(Get), new { userName = outcome.Value.Profile.UserName }, outcome.Value.Profile)
            : Ok(outcome.Value.Profile);
    }

    /// <summary>Shows whether a user has a password and its dates (IAM GetLoginProfile), never the password.</summary>
    /// <response code="200">The login profile.</response>
    /// <response code="404">No such user, or the user has no password.</response>
    [HttpGet("users/{userName}/login-profile")]
    [IamAction("iam:GetLoginProfile", Resource = IamResource.User)]
    [ProducesResponseType<LoginProfileResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<LoginProfileResponse>> Get(string userName, CancellationToken cancellationToken) =>
        OkOrProblem(await profiles.GetAsync(userName, cancellationToken));

    /// <summary>Removes a user's password (IAM DeleteLoginProfile): they can no longer sign in with one.</summary>
    /// <response code="204">Removed; the user's sessions have ended.</response>
    /// <response code="404">No such user, or the user has no password.</response>
    [HttpDelete("users/{userName}/login-profile")]
    [IamAction("iam:DeleteLoginProfile", Resource = IamResource.User)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Delete(string userName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await profiles.DeleteAsync(userName, cancellationToken));
}
