using System.Globalization;
using System.Threading.RateLimiting;
using IamService.Api.LoginProfiles;
using IamService.Api.PasswordPolicy;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace IamService.Api.Auth;

internal static class SignInSetup
{
    /// <summary>The rate-limiter policy of the sign-in endpoints.</summary>
    public const string RateLimitPolicy = "sign-in";

    /// <summary>Passwords, the password policy, the sign-in flow and its brute-force protection.</summary>
    public static IServiceCollection AddIamSignIn(this IServiceCollection services)
    {
        services.AddOptions<SignInOptions>().BindConfiguration(SignInOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PasswordPolicyService>();
        services.AddScoped<PasswordWriter>();
        services.AddScoped<LoginProfileService>();
        services.AddScoped<SignInLockout>();
        services.AddScoped<SignInChallenges>();
        services.AddScoped<SignInService>();
        services.AddScoped<PasswordChangeService>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<SignInOptions>>()
                    .Value.RequestsPerMinutePerIp;
                // Limitation: the budget is per connection address, so clients behind one proxy share it.
                // Limitation: the budget lives in this instance's memory; each instance counts on its own.
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = WriteThrottledAsync;
        });
        return services;
    }

    private static async ValueTask WriteThrottledAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds)
            : 60;
        var response = context.HttpContext.Response;
        response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Too many sign-in requests from this address: retry in {retryAfter} seconds."),
            },
        });
    }
}
