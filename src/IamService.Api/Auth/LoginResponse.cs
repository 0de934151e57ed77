using System.Text.Json.Serialization;

namespace IamService.Api.Auth;

/// <summary>
/// The answer to a sign-in: an access token, or a request for an MFA code, or a token that can only change
/// the password.
/// </summary>
public sealed record LoginResponse
{
    /// <example>eyJhbGciOiJFUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiJBSURBRVhBTVBMRSJ9.c2lnbmF0dXJl</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccessToken { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenType { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiresAt { get; init; }

    public static LoginResponse For(IssuedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new LoginResponse { AccessToken = token.AccessToken, TokenType = "Bearer", ExpiresAt = token.ExpiresAt };
    }
}
