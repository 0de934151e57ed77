using System.Diagnostics;
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
            problem.Extensions.TryAdd("code", IamErrorCode.ForStatus(status));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<StoreUnavailableHandler>();
        return services;
    }
}
