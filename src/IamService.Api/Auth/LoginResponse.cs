namespace IamService.Api.Auth;

/// <summary>
/// The answer to a sign-in: an access token, or a request for an MFA code, or a token that can only change
/// the password.
/// </summary>
public sealed record LoginResponse
{
    /// <summary>A JWT to send as <c>Authorization: Bearer ...</c>.</summary>
    /// <example>eyJhbGciOiJFUzI1NiIsImtpZCI6IjRmM2EifQ.eyJzdWIiOiJBSURBIn0.c2lnbmF0dXJl</example>
    public string? AccessToken { get; init; }

    /// <example>Bearer</example>
    public string? TokenType { get; init; }

    /// <example>2026-12-04T09:30:00+00:00</example>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>True when the password was right and an MFA code must follow (POST /api/v1/auth/login/mfa).</summary>
    public bool? MfaRequired { get; init; }

    /// <summary>What to send with the MFA code; it works once and for a few minutes.</summary>
    public string? MfaChallenge { get; init; }

    /// <summary>
    /// True when the password has expired or an administrator asked for a new one: the token can only change
    /// the password (POST /api/v1/auth/change-password), after which the user signs in again.
    /// </summary>
    public bool? PasswordChangeRequired { get; init; }

    /// <summary>Advice about the account's security, such as root signing in without MFA.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }

    public static LoginResponse For(IssuedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new LoginResponse { AccessToken = token.AccessToken, TokenType = "Bearer", ExpiresAt = token.ExpiresAt };
    }
}
