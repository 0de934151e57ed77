using IamService.Data.Credentials;

namespace IamService.Api.Auth;

internal static class PasswordChangeTokenGate
{
    /// <summary>
    /// A token issued because the password expired or must be reset can only change the password (and sign
    /// out): IAM lets such a user do nothing else until the password is new. The gate sits after authentication
    /// and before every endpoint, anonymous ones included, so sending the token never widens what it may do.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeTokenGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetCaller() is not { Kind: SessionKind.PasswordChange }
                || context.GetEndpoint()?.Metadata.GetMetadata<AllowPasswordChangeTokenAttribute>() is not null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status403Forbidden,
                    Detail = "This access token can only change the password, which has expired or must be " +
                        "reset: POST /api/v1/auth/change-password, then sign in again with the new password.",
                },
            });
        });
}
