using System.Diagnostics;
using IamService.Api.Common;
using IamService.Api.Errors;

namespace IamService.Api.Hosting;

internal static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as an RFC 9457 problem with an IAM-style <c>code</c> and a trace id. Unhandled
    /// exceptions become a bare 500 problem: the exception handler adds no details outside Development.
    /// </summary>
    public static IServiceCollection AddIamProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            problem.Detail ??= DefaultDetail(status, context.HttpContext.Request.Method);
            problem.Extensions.TryAdd("code", IamErrorCode.ForStatus(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<StoreUnavailableHandler>();
        return services;
    }

    /// <summary>What to do about a problem that the framework raised before any of our code could say why.</summary>
    private static string? DefaultDetail(int status, string method) => status switch
    {
        StatusCodes.Status404NotFound => "No API route matches this path: /swagger lists the routes.",
        StatusCodes.Status405MethodNotAllowed =>
            $"This route does not take {method} requests: the Allow header lists the methods it takes.",
        StatusCodes.Status415UnsupportedMediaType => IamError.JsonBodyRequired.Detail,
        >= 500 => "The service failed to handle the request: the traceId identifies it in the service's log.",
        _ => null,
    };
}
