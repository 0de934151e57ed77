using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Common;

/// <summary>
/// The base of every API controller: JSON in and out under <c>/api/v1</c>, and an <see cref="IamError"/> answered
/// as an RFC 9457 problem carrying IAM's error code (through <see cref="IamProblem"/>). Every endpoint may answer
/// 401 (no valid token) and 403 (the caller's policies do not allow it), except the few open ones.
/// </summary>
[ApiController]
[Route("api/v1")]
[Consumes("application/json")]
[ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ProblemContentType)]
[ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden, ProblemContentType)]
public abstract class IamControllerBase : ControllerBase
{
    public const string ProblemContentType = "application/problem+json";

    [NonAction]
    public ObjectResult Problem(IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);

        var result = Problem(detail: error.Detail, statusCode: error.Status);
        IamProblem.AddCode((ProblemDetails)result.Value!, error);

        result.ContentTypes.Clear();
        result.ContentTypes.Add(ProblemContentType);
        return result;
    }

    [NonAction]
    public ActionResult<T> OkOrProblem<T>(Result<T> result) =>
        result.IsSuccess ? Ok(result.Value) : Problem(result.Error);

    /// <summary>A 201 whose Location is the new entity's GET action, or the problem.</summary>
    [NonAction]
    public ActionResult<T> CreatedOrProblem<T>(Result<T> result, string getAction, Func<T, object> routeValues)
    {
        ArgumentNullException.ThrowIfNull(routeValues);
        return result.IsSuccess
            ? CreatedAtAction(getAction, routeValues(result.Value), result.Value)
            : Problem(result.Error);
    }

    [NonAction]
    public ActionResult NoContentOrProblem(Result result) => result.IsSuccess ? NoContent() : Problem(result.Error);
}
