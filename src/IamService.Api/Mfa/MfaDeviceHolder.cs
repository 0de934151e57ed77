using IamService.Api.Auth;

namespace IamService.Api.Mfa;

/// <summary>
/// Whose MFA devices a request is about: a user named in the route, or root, which only root itself may
/// manage (IAM: the root user's MFA device can be changed with root's credentials only).
/// </summary>
public sealed record MfaDeviceHolder
{
    private MfaDeviceHolder(string? userName, CallerIdentity? caller)
    {
        UserName = userName;
        Caller = caller;
    }

    /// <summary>The user's name as the route gave it; null for root.</summary>
    public string? UserName { get; }

    /// <summary>Who asks for root's device; null for a user's device.</summary>
    public CallerIdentity? Caller { get; }

    public bool IsRoot => UserName is null;

    public static MfaDeviceHolder ForUser(string userName)
    {
        ArgumentNullException.ThrowIfNull(userName);
        return new MfaDeviceHolder(userName, null);
    }

    public static MfaDeviceHolder ForRoot(CallerIdentity? caller) => new(null, caller);
}
