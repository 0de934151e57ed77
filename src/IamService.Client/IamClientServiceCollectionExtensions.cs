using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IamService.Client;

public static class IamClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IamClient"/> as a typed HTTP client that sends the calling service's credentials;
    /// the builder returned configures its HTTP pipeline further.
    /// </summary>
    public static IHttpClientBuilder AddIamClient(this IServiceCollection services, Action<IamClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<IamClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true },
                "IamClient: set BaseAddress to IamService's absolute address, such as https://iam.example.com/.")
            .Validate(o => (o.AccessTokenProvider is null) == (o.UserName is not null && o.Password is not null),
                "IamClient: set either UserName and Password or AccessTokenProvider, not both.")
            .Validate(o => o.RefreshBeforeExpiry >= TimeSpan.Zero,
                "IamClient: RefreshBeforeExpiry cannot be negative.")
            .PostConfigure(o => o.BaseAddress = WithTrailingSlash(o.BaseAddress))
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ServiceTokenCache>();
        services.TryAddTransient<ServiceCredentialsHandler>();

        return services
            .AddHttpClient<IamClient>((provider, http) =>
                http.BaseAddress = provider.GetRequiredService<IOptions<IamClientOptions>>().Value.BaseAddress)
            .AddHttpMessageHandler<ServiceCredentialsHandler>();
    }

    // Relative paths resolve under the base address only when it ends with a slash (RFC 3986 section 5.2).
    private static Uri? WithTrailingSlash(Uri? address) =>
        address is { IsAbsoluteUri: true } && !address.AbsolutePath.EndsWith('/')
            ? new Uri(address.AbsoluteUri + "/")
            : address;
}
