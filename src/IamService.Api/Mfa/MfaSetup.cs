using IamService.Api.AccountSettings;

namespace IamService.Api.Mfa;

internal static class MfaSetup
{
    /// <summary>The services behind the MFA device endpoints and the account settings that require MFA.</summary>
    public static IServiceCollection AddIamMfa(this IServiceCollection services)
    {
        services.AddScoped<MfaDeviceService>();
        services.AddScoped<AccountSettingsService>();
        return services;
    }
}
