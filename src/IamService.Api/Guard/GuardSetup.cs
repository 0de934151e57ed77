using Microsoft.AspNetCore.Authorization;

namespace IamService.Api.Guard;

internal static class GuardSetup
{
    /// <summary>
    /// Every endpoint needs a signed-in caller unless it says <c>[AllowAnonymous]</c> (sign-in, JWKS, health),
    /// every controller action is decided by <see cref="ApiGuardFilter"/>, and every minimal endpoint's caller is
    /// admitted by <see cref="EndpointGuardFilter"/>.
    /// </summary>
    public static IServiceCollection AddIamGuard(this IServiceCollection services)
    {
        // Every endpoint, controller or not, needs a signed-in caller unless it allows anonymous callers. A
        // request that matched no endpoint goes on to its 404 (or to middleware that answers it).
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder()
            .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                || (context.Resource is HttpContext http && http.GetEndpoint() is null))
            .Build());
        services.AddScoped<ResourceResolver>();
        services.AddSingleton<RequireMfaSetting>();
        services.AddScoped<MfaRequirement>();
        services.AddScoped<CallerGate>();
        services.AddScoped<ApiGuardFilter>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(options =>
            options.Filters.AddService<ApiGuardFilter>(ApiGuardFilter.FilterOrder));
        return services;
    }

    /// <summary>Names the IAM action of a minimal endpoint that decides it itself, and guards the endpoint.</summary>
    public static RouteHandlerBuilder RequireIamAction(this RouteHandlerBuilder endpoint, string action) => endpoint
        .WithMetadata(new IamActionAttribute(action) { Resource = IamResource.DecidedByEndpoint })
        .AddEndpointFilter<EndpointGuardFilter>();
}
