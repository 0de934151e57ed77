using IamService.Api.AccessKeys;
using IamService.Api.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IamService.Api.Sts;

internal static class StsSetup
{
    /// <summary>Access keys, session tokens, role sessions, and the policy loader that assume-role uses.</summary>
    public static IServiceCollection AddIamAccessKeysAndSts(this IServiceCollection services)
    {
        services.AddScoped<AccessKeyService>();
        services.AddScoped<StsMfa>();
        services.AddScoped<SessionTokenService>();
        services.AddScoped<AssumeRoleService>();
        // The request guard loads callers' policies with it too; whichever setup runs first registers it.
        services.TryAddScoped<EffectivePolicyLoader>();
        return services;
    }
}
