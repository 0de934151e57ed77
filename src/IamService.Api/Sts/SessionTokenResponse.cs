using IamService.Api.Auth;

namespace IamService.Api.Sts;

/// <summary>A session token: an access token to send as <c>Authorization: Bearer ...</c>, and when it ends.</summary>
/// <param name="AccessToken" example="eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJBSURBRVhBTVBMRSJ9.c2lnbmF0dXJl">
/// The bearer token.</param>
/// <param name="TokenType" example="Bearer">Always <c>Bearer</c>.</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="AccessKeyId" example="AKIAIOSFODNN7EXAMPLE">The key the session was obtained with.</param>
/// <param name="MfaAuthenticated">Whether an MFA code was given.</param>
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
