using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Common;

/// <summary>
/// Where an <see cref="IamError"/> becomes an RFC 9457 problem: its status, its detail, IAM's error code and any
/// extra members. Controllers (<see cref="IamControllerBase"/>) and minimal endpoints both go through here.
/// </summary>
public static class IamProblem
{
    /// <summary>The problem a minimal endpoint answers with.</summary>
    public static IResult Of(IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = new ProblemDetails { Status = error.Status, Detail = error.Detail };
        AddCode(problem, error);
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// Puts the error's code and extra members on a problem; the status's default code, if the framework filled
    /// one in, gives way to the service's precise one.
    /// </summary>
    public static void AddCode(ProblemDetails problem, IamError error)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(error);
        problem.Extensions["code"] = error.Code;
        foreach (var (name, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }
    }
}
