using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IamService.Client.Authorization;

public static class IamAuthorizationServiceCollectionExtensions
{
    /// <summary>
    /// Lets <c>[Authorize(Policy = "iam:s3:GetObject")]</c> ask IamService whether the signed-in user may perform
    /// <c>s3:GetObject</c>. Needs <see cref="IamClientServiceCollectionExtensions.AddIamClient"/> as well.
    /// </summary>
    public static IServiceCollection AddIamAuthorization(
        this IServiceCollection services,
        Action<IamAuthorizationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddAuthorization();
        services.AddHttpContextAccessor();
        services.AddOptions<IamAuthorizationOptions>().Configure(o => configure?.Invoke(o));
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, IamPolicyProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Transient<IAuthorizationHandler, IamAuthorizationHandler>());
        return services;
    }
}
