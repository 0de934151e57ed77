using IamService.Api.AccessKeys;

namespace IamService.Api.Sts;

internal static class StsSetup
{
    /// <summary>Access keys, session tokens and role sessions.</summary>
    public static IServiceCollection AddIamAccessKeysAndSts(this IServiceCollection services)
    {
        services.AddScoped<AccessKeyService>();
        services.AddScoped<StsMfa>();
        services.AddScoped<SessionTokenService>();
        services.AddScoped<AssumeRoleService>();
        return services;
    }
}
