using System.Text.Json.Serialization;

namespace IamService.Api.Auth;

/// <summary>
/// The answer to a sign-in: an access token, or a request for an MFA code, or a token that can only change
/// the password.
/// </summary>
public sealed record LoginResponse
{
    /// <summary>A JWT to send as <c>Authorization: Bearer ...</c>.</summary>
    /// <example>eyJhbGciOiJFUzI1NiIsImtpZCI6IjRmM2EifQ.eyJzdWIiOiJBSURBIn0.c2lnbmF0dXJl</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AccessToken { get; init; }

    /// <example>Bearer</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TokenType { get; init; }

    /// <example>2026-12-04T09:30:00+00:00</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ExpiresAt { get; init; }

    public static LoginResponse For(IssuedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return new LoginResponse { AccessToken = token.AccessToken, TokenType = "Bearer", ExpiresAt = token.ExpiresAt };
    }
}
