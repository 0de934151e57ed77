using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Decisions;

/// <summary>Decisions for other services: may a principal perform an action on a resource?</summary>
[Tags("Decisions")]
[Authorize]
public sealed class DecisionsController(DecisionService decisions) : IamControllerBase
{
    /// <summary>Decides one request with the principal's effective policies.</summary>
    /// <remarks>The calling service needs <c>iam:Authorize</c> on the principal's ARN.</remarks>
    /// <response code="200">The decision: allowed, explicitDeny or implicitDeny.</response>
    /// <response code="400">The request is malformed (both or neither principal forms, a bad context value, an
    /// invalid resource policy or subject token).</response>
    /// <response code="403">The caller may not ask about this principal.</response>
    /// <response code="404">No such principal.</response>
    [HttpPost("authorize")]
    [IamAction(DecisionService.AuthorizeAction, Resource = IamResource.DecidedByEndpoint)]
    [ProducesResponseType<AuthorizeResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ProblemContentType)]
    public async Task<ActionResult<AuthorizeResponse>> AuthorizeAsync(
        AuthorizeRequest request,
        CancellationToken cancellationToken)
    {
        var caller = await FindCallerAsync(cancellationToken);
        return caller is null
            ? Problem(CallerGone)
            : OkOrProblem(await decisions.DecideAsync(request, caller, cancellationToken));
    }

    /// <summary>Decides up to 100 requests, answering in the order asked.</summary>
    /// <remarks>A request that cannot be decided gets its error in its place; the others are still answered.</remarks>
    /// <response code="200">One result per request, in order.</response>
    [HttpPost("authorize/batch")]
    [IamAction(DecisionService.AuthorizeAction, Resource = IamResource.DecidedByEndpoint)]
    [ProducesResponseType<AuthorizeBatchResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status503ServiceUnavailable, ProblemContentType)]
    public async Task<ActionResult<AuthorizeBatchResponse>> AuthorizeBatchAsync(
        AuthorizeBatchRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var caller = await FindCallerAsync(cancellationToken);
        if (caller is null)
        {
            return Problem(CallerGone);
        }

        var results = new List<AuthorizeBatchResult>(request.Requests.Count);
        foreach (var item in request.Requests)
        {
            var decided = await decisions.DecideAsync(item, caller, cancellationToken);
            results.Add(decided.IsSuccess
                ? new AuthorizeBatchResult { Result = decided.Value }
                : new AuthorizeBatchResult { ErrorCode = decided.Error.Code, ErrorMessage = decided.Error.Detail });
        }

        return new AuthorizeBatchResponse(results);
    }

    private static IamError CallerGone { get; } = new(
        Errors.IamErrorCode.NotAuthenticated, StatusCodes.Status401Unauthorized,
        "The session of this access token has ended or its principal no longer exists: sign in again.");

    /// <summary>The caller as the API guard found it, or looked up here when no guard ran.</summary>
    private async Task<DecisionSubject?> FindCallerAsync(CancellationToken cancellationToken) =>
        HttpContext.Features.Get<DecisionSubject>()
        ?? (HttpContext.GetCaller() is { } identity
            ? await decisions.FindCallerAsync(identity, cancellationToken)
            : null);
}
