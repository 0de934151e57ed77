namespace IamService.Api.Auth;

/// <summary>
/// The claims of an IamService access token, beyond the registered <c>iss</c>, <c>aud</c>, <c>exp</c>.
/// </summary>
public static class IamClaims
{
    /// <summary>The principal's id: a user id, the account id for root, or a role id for a role session.</summary>
    public const string Subject = "sub";

    /// <summary>The principal's ARN as policies match it.</summary>
    public const string PrincipalArn = "arn";

    /// <summary>The value of <c>aws:userid</c>: the user id, the account id, or <c>ROLEID:session-name</c>.</summary>
    public const string UserId = "uid";

    public const string SessionId = "sid";

    /// <summary>The session kind (<see cref="Data.Credentials.SessionKind"/>), in camel case.</summary>
    public const string Kind = "knd";

    /// <summary>When the principal proved who they are, in seconds since the epoch.</summary>
    public const string AuthTime = "auth_time";

    /// <summary>When an MFA code was last verified for this session, in seconds since the epoch.</summary>
    public const string MfaTime = "mfa_time";

    /// <summary>How the principal authenticated: <c>pwd</c>, <c>key</c>, <c>mfa</c> (RFC 8176 names).</summary>
    public const string Methods = "amr";

    public const string IssuedAt = "iat";
}
