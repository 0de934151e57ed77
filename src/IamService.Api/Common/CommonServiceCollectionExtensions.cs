namespace IamService.Api.Common;

internal static class CommonServiceCollectionExtensions
{
    public static IServiceCollection AddIamCommon(this IServiceCollection services)
    {
        services.AddOptions<LimitsOptions>()
            .BindConfiguration(LimitsOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AccountIdProvider>();
        services.AddSingleton<Simulator.PolicySimulator>();
        return services;
    }
}
