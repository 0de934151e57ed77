using System.Data.Common;
using IamService.Api.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace IamService.Api.Hosting;

/// <summary>
/// A store that cannot be reached gives a 503 problem, which clients may retry, instead of a 500: decisions
/// in particular are never guessed when neither the store nor a trusted cache can answer.
/// </summary>
internal sealed partial class StoreUnavailableHandler(
    IProblemDetailsService problems,
    ILogger<StoreUnavailableHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext,
        Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is not (DbException or TimeoutException) && exception.InnerException is not DbException)
        {
            return false;
        }

        Log.StoreUnavailable(logger, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The store cannot be reached right now; retry shortly.",
                Extensions = { ["code"] = IamErrorCode.ServiceUnavailable },
            },
        });
    }

    private static partial class Log
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "The store could not be reached")]
        public static partial void StoreUnavailable(ILogger logger, Exception exception);
    }
}
