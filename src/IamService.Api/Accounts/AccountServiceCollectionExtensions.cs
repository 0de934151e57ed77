using IamService.Data;
using Microsoft.AspNetCore.Identity;

namespace IamService.Api.Accounts;

internal static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccountBootstrap(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccountBootstrapOptions>(o =>
            o.RootPassword = configuration[AccountBootstrapOptions.RootPasswordKey]);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordHasher<RootUser>, PasswordHasher<RootUser>>();
        services.AddSingleton<IRootCredentialsNotice, ConsoleRootCredentialsNotice>();
        services.AddScoped<AccountBootstrapper>();
        return services;
    }
}
