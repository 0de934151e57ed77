using Microsoft.AspNetCore.Authorization;

namespace IamService.Api.Guard;

internal static class GuardSetup
{
    /// <summary>
    /// Every endpoint needs a signed-in caller unless it says <c>[AllowAnonymous]</c> (sign-in, JWKS, health),
    /// and every controller action is decided by <see cref="ApiGuardFilter"/>.
    /// </summary>
    public static IServiceCollection AddIamGuard(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddScoped<ResourceResolver>();
        services.AddScoped<MfaRequirement>();
        services.AddScoped<ApiGuardFilter>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options =>
            options.Filters.AddService<ApiGuardFilter>(ApiGuardFilter.FilterOrder));
        return services;
    }
}
