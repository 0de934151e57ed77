using IamService.Api.AccessKeys;
using IamService.Api.Authorization;

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
        services.AddScoped<EffectivePolicyLoader>();
        return services;
    }
}
