using IamService.Api.Auth;

namespace IamService.Api.Sts;

/// <summary>A role session's access token, and who the session is (STS AssumeRole's answer).</summary>
/// <param name="AccessToken" example="eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJBSURBRVhBTVBMRSJ9.c2lnbmF0dXJl">
/// The bearer token.</param>
/// <param name="TokenType" example="Bearer">Always <c>Bearer</c>.</param>
/// <param name="ExpiresAt">When the session ends.</param>
/// <param name="AssumedRoleUser">Who the session is.</param>
public sealed record AssumeRoleResponse(
    string AccessToken,
    string TokenType,
    DateTimeOffset ExpiresAt,
    AssumedRoleUser AssumedRoleUser)
{
    public static AssumeRoleResponse For(IssuedToken token, AssumedRoleUser user)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new AssumeRoleResponse(token.AccessToken, "Bearer", token.ExpiresAt, user);
    }
}
