using IamService.Api.Common;
using IamService.Api.Groups;
using IamService.Api.Users;

namespace IamService.Api.Hosting;

internal static class IdentityApiSetup
{
    /// <summary>The shared primitives and the services behind the users and groups endpoints.</summary>
    public static IServiceCollection AddIamIdentityApi(this IServiceCollection services)
    {
        services.AddIamCommon();
        services.AddScoped<UserService>();
        services.AddScoped<GroupService>();
        return services;
    }
}
