using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace IamService.Api.Auth;

/// <summary>Sign-in, its MFA step, changing one's own password, and sign-out.</summary>
[Route("api/v1/auth")]
[Tags("Sign-in")]
public sealed class AuthController : IamControllerBase
{
    /// <summary>
    /// Signs in with a user name and password (root signs in as <c>root</c>). Answers with an access token, or
    /// with <c>mfaRequired</c> and a challenge for POST auth/login/mfa, or with a token that can only change
    /// the password when it has expired or must be reset.
    /// </summary>
    /// <response code="200">Signed in, or the MFA step is next.</response>
    /// <response code="401">The user name or password is incorrect, or the name is locked after failures.</response>
    /// <response code="403">The password has expired and only an administrator may reset it.</response>
    /// <response code="429">Too many sign-in requests from this address.</response>
    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.RateLimitPolicy)]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemContentType)]
    public async Task<ActionResult<LoginResponse>> LoginAsync(
        LoginRequest request,
        [FromServices] SignInService signIn,
        CancellationToken cancellationToken) =>
        OkOrProblem(await signIn.LoginAsync(request, SourceIp, cancellationToken));

    /// <summary>Completes a sign-in with the first step's challenge and a code from an enabled MFA device.</summary>
    /// <response code="200">Signed in.</response>
    /// <response code="401">The code or the challenge is not valid, or the name is locked.</response>
    /// <response code="429">Too many sign-in requests from this address.</response>
    [HttpPost("login/mfa")]
    [AllowAnonymous]
    [EnableRateLimiting(SignInSetup.RateLimitPolicy)]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests, ProblemContentType)]
    public async Task<ActionResult<LoginResponse>> LoginMfaAsync(
        LoginMfaRequest request,
        [FromServices] SignInService signIn,
        CancellationToken cancellationToken) =>
        OkOrProblem(await signIn.CompleteMfaAsync(request, SourceIp, cancellationToken));

    /// <summary>
    /// Changes the caller's own password (IAM ChangePassword) when the password policy allows it. Every session
    /// of the caller ends, this one included: sign in again with the new password.
    /// </summary>
    /// <response code="204">Changed.</response>
    /// <response code="400">The old password is wrong, or the new one breaks the password policy.</response>
    /// <response code="401">No valid access token, or the name is locked after failures.</response>
    /// <response code="403">The password policy does not let users change their own password.</response>
    /// <response code="404">The caller has no password (a role session, or a user without a login profile).</response>
    [HttpPost("change-password")]
    [IamAction("iam:ChangePassword", Resource = IamResource.Caller, SetupStep = CredentialSetupStep.ChangePassword)]
    [Authorize]
    [AllowPasswordChangeToken]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> ChangePasswordAsync(
        ChangePasswordRequest request,
        [FromServices] PasswordChangeService passwords,
        CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller() ?? throw new InvalidOperationException("[Authorize] let in no caller.");
        return NoContentOrProblem(await passwords.ChangeAsync(caller, request, SourceIp, cancellationToken));
    }

    /// <summary>Ends the caller's session: its access token stops working at once.</summary>
    /// <response code="204">Signed out.</response>
    [HttpPost("logout")]
    [AnyCaller]
    [Authorize]
    [AllowPasswordChangeToken]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> LogoutAsync(
        [FromServices] SessionRevoker sessions,
        CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        if (caller is not null)
        {
            await sessions.RevokeSessionAsync(caller.SessionId, cancellationToken);
        }

        return NoContent();
    }

    private string? SourceIp => HttpContext.Connection.RemoteIpAddress?.ToString();
}
