using System.Text.Json.Serialization;

namespace IamService.Api.Auth;

/// <summary>
/// The answer to a sign-in: an access token, or a request for an MFA code, or a token that can only change
/// the password.
/// </summary>
public sealed record LoginResponse
{
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
