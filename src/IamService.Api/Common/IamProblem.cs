using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Common;

/// <summary>An <see cref="IamError"/> as the RFC 9457 problem a minimal endpoint answers with.</summary>
public static class IamProblem
{
    public static IResult Of(IamError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = new ProblemDetails { Status = error.Status, Detail = error.Detail };
        problem.Extensions["code"] = error.Code;
        foreach (var (name, value) in error.Extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return TypedResults.Problem(problem);
    }
}
