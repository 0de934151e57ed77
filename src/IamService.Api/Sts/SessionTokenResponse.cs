using IamService.Api.Auth;

namespace IamService.Api.Sts;

/// <summary>A session token: an access token to send as <c>Authorization: Bearer ...</c>, and when it ends.</summary>
public sealed record SessionTokenResponse(
    string AccessToken,
    string TokenType,
    DateTimeOffset ExpiresAt,
    string AccessKeyId,
    bool MfaAuthenticated)
{
    public static SessionTokenResponse For(IssuedToken token, string accessKeyId, bool mfaAuthenticated)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new SessionTokenResponse(token.AccessToken, "Bearer", token.ExpiresAt, accessKeyId, mfaAuthenticated);
    }
}
