using IamService.Api.Common;
using IamService.Data.Credentials;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Auth;

/// <summary>Sign-in and sign-out.</summary>
[Route("api/v1/auth")]
[Tags("Sign-in")]
public sealed class AuthController : IamControllerBase
{
    /// <summary>Signs in with a user name and password and returns an access token.</summary>
    /// <response code="200">Signed in; send the token as <c>Authorization: Bearer ...</c>.</response>
    /// <response code="401">The user name or password is incorrect.</response>
    [HttpPost("login")]
    [AllowAnonymous]
    [ProducesResponseType<LoginResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    public async Task<ActionResult<LoginResponse>> LoginAsync(
        LoginRequest request,
        [FromServices] PasswordSignIn signIn,
        [FromServices] AccessTokenIssuer issuer,
        [FromServices] TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var verified = await signIn.VerifyAsync(request.UserName, request.Password, cancellationToken);
        if (!verified.IsSuccess)
        {
            return Problem(verified.Error);
        }

        var principal = verified.Value;
        var token = await issuer.IssueAsync(
            new SessionRequest(SessionKind.SignIn, principal.PrincipalId, principal.PrincipalArn, principal.PrincipalId)
            {
                AuthTime = time.GetStoreTime(),
                Method = "pwd",
                SourceIp = HttpContext.Connection.RemoteIpAddress?.ToString(),
            },
            cancellationToken);
        return LoginResponse.For(token);
    }

    /// <summary>Ends the caller's session: its access token stops working at once.</summary>
    /// <response code="204">Signed out.</response>
    [HttpPost("logout")]
    [Authorize]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> LogoutAsync([FromServices] SessionRevoker sessions, CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller();
        if (caller is not null)
        {
            await sessions.RevokeSessionAsync(caller.SessionId, cancellationToken);
        }

        return NoContent();
    }
}
