using IamService.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace IamService.Api.Hosting;

internal static class HealthChecksSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddIamHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddDbContextCheck<IamDbContext>("database", tags: [ReadyTag]);
        return services;
    }

    /// <summary>
    /// <c>/health/live</c> answers as long as the process serves requests; <c>/health/ready</c> also
    /// needs the database to answer.
    /// </summary>
    public static WebApplication MapIamHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return app;
    }
}
