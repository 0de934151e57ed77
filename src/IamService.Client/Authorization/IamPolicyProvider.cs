using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace IamService.Client.Authorization;

/// <summary>
/// Turns a policy name such as <c>iam:s3:GetObject</c> into a policy that requires a signed-in user whom
/// IamService allows <c>s3:GetObject</c>; every other name, and an <c>iam:</c> name registered explicitly, comes
/// from the default provider.
/// </summary>
public sealed class IamPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);

    public async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        ArgumentNullException.ThrowIfNull(policyName);
        var registered = await _fallback.GetPolicyAsync(policyName);
        if (registered is not null
            || !policyName.StartsWith(IamAuthorizationOptions.PolicyPrefix, StringComparison.Ordinal)
            || policyName.Length == IamAuthorizationOptions.PolicyPrefix.Length)
        {
            return registered;
        }

        var action = policyName[IamAuthorizationOptions.PolicyPrefix.Length..];
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new IamActionRequirement(action))
            .Build();
    }

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();
}
