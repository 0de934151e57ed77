using IamService.Api.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace IamService.Api.PolicyCache;

internal static class PolicyCacheSetup
{
    public static IServiceCollection AddIamPolicyCache(this IServiceCollection services)
    {
        services.AddOptions<PolicyCacheOptions>().BindConfiguration(PolicyCacheOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var cache = new EffectivePolicyCache(provider.GetRequiredService<TimeProvider>());
            if (provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres)
            {
                // Nothing is trusted until the change feed is listening.
                cache.Distrust();
            }

            return cache;
        });
        services.AddSingleton<PolicyWriteTracker>();
        services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<PolicyWriteTracker>());
        services.AddSingleton<PostgresChangeFeed>();
        services.AddScoped<EffectivePolicyLoader>();
        services.AddScoped<Decisions.SessionDirectory>();
        services.AddScoped<Decisions.PrincipalDirectory>();
        services.AddScoped<Decisions.DecisionService>();
        services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeFeed>());
        return services;
    }

    public static WebApplication UseIamPolicyWriteBarrier(this WebApplication app)
    {
        app.UseMiddleware<PolicyWriteBarrierMiddleware>();
        return app;
    }
}
