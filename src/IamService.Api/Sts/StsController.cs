using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Sts;

/// <summary>Temporary credentials: session tokens for access keys and role sessions (IAM's STS).</summary>
[Route("api/v1/sts")]
[Tags("STS")]
public sealed class StsController : IamControllerBase
{
    /// <summary>
    /// Exchanges an access key, and optionally an MFA code, for a session token (STS GetSessionToken). The key
    /// is the credential, so no access token is needed. Sessions last at most 12 hours, the longest any token
    /// of this service lives, even when durationSeconds asks for up to 36 as STS allows.
    /// </summary>
    /// <response code="200">The session token.</response>
    /// <response code="401">The key id or secret is wrong, or the key is inactive.</response>
    /// <response code="403">The MFA device or code is not valid.</response>
    [HttpPost("session-token")]
    [AllowAnonymous]
    [ProducesResponseType<SessionTokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
    public async Task<ActionResult<SessionTokenResponse>> GetSessionToken(
        SessionTokenRequest request,
        [FromServices] SessionTokenService sessions,
        CancellationToken cancellationToken)
    {
        var sourceIp = HttpContext.Connection.RemoteIpAddress?.ToString();
        return OkOrProblem(await sessions.IssueAsync(request, sourceIp, cancellationToken));
    }

    /// <summary>
    /// Opens a session of a role for the signed-in caller (STS AssumeRole). The role's trust policy must allow
    /// the caller, and the caller's own policies must allow sts:AssumeRole on the role. The session's ARN is
    /// arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION; its permissions are the role's, limited by the role's
    /// boundary and by the session policy when one is given.
    /// </summary>
    /// <response code="200">The role session's access token.</response>
    /// <response code="401">No valid access token.</response>
    /// <response code="403">A policy does not allow it, or the MFA device or code is not valid.</response>
    /// <response code="404">No such role.</response>
    [HttpPost("assume-role")]
    [IamAction("sts:AssumeRole", Resource = IamResource.DecidedByEndpoint)]
    [Authorize]
    [ProducesResponseType<AssumeRoleResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<AssumeRoleResponse>> AssumeRole(
        AssumeRoleRequest request,
        [FromServices] AssumeRoleService roles,
        CancellationToken cancellationToken)
    {
        var caller = HttpContext.GetCaller()
            ?? throw new InvalidOperationException("[Authorize] admitted a request without a verified caller.");
        var subject = HttpContext.Features.Get<DecisionSubject>()
            ?? throw new InvalidOperationException("The guard admitted a request without finding its caller.");
        // The first authentication method in the token (pwd or key) carries over to the role session.
        var method = User.FindFirst(IamClaims.Methods)?.Value ?? "pwd";
        var origin = new CallOrigin(HttpContext.Connection.RemoteIpAddress, Request.IsHttps);
        return OkOrProblem(await roles.AssumeAsync(caller, subject, method, request, origin, cancellationToken));
    }
}
