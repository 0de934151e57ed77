using IamService.Api.Auth;

namespace IamService.Api.Sts;

/// <summary>A role session's access token, and who the session is (STS AssumeRole's answer).</summary>
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
