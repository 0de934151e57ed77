using IamService.Api.AuthorizationDetails;
using IamService.Api.EntityPolicies;
using IamService.Api.Policies;
using IamService.Api.Roles;

namespace IamService.Api.Hosting;

internal static class PolicyApiSetup
{
    /// <summary>The services behind the roles, managed policies and attachment endpoints.</summary>
    public static IServiceCollection AddIamPolicyApi(this IServiceCollection services)
    {
        services.AddScoped<RoleService>();
        services.AddScoped<PolicyService>();
        services.AddScoped<PolicyVersionService>();
        services.AddScoped<AuthorizationDetailsService>();
        services.AddSingleton(PolicyHolders.User);
        services.AddSingleton(PolicyHolders.Group);
        services.AddSingleton(PolicyHolders.Role);
        services.AddScoped(typeof(EntityPolicyService<,,>));
        return services;
    }
}
