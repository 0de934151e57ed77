using System.Security.Cryptography;
using System.Text.Json;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Auth;

/// <summary>An access token and when it stops working.</summary>
public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt, string SessionId);

/// <summary>What a new session is for and who it belongs to; the issuer stores it and signs its token.</summary>
public sealed record SessionRequest(SessionKind Kind, string PrincipalId, string PrincipalArn, string UserId)
{
    public DateTimeOffset AuthTime { get; init; }

    public DateTimeOffset? MfaAuthTime { get; init; }

    /// <summary>How long the session lasts; the configured access token lifetime when null.</summary>
    public TimeSpan? Lifetime { get; init; }

    /// <summary>
    /// How the principal proved who they are: <c>pwd</c> or <c>key</c> (and <c>mfa</c> added when used).
    /// </summary>
    public required string Method { get; init; }

    public string? SourcePrincipalId { get; init; }

    public string? SourceAccessKeyId { get; init; }

    public string? RoleSessionName { get; init; }

    public string? SessionPolicy { get; init; }

    public string? SourceIp { get; init; }
}

/// <summary>Opens sessions and signs their access tokens (ES256 JWTs, verifiable offline with the JWKS).</summary>
public sealed class AccessTokenIssuer(
    IamDbContext db,
    SigningKeyRing keys,
    IOptions<TokenOptions> options,
    TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new();

    public async Task<IssuedToken> IssueAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetStoreTime();
        var lifetime = request.Lifetime ?? options.Value.AccessTokenLifetime;
        var session = new Session(NewSessionId(), request.Kind, request.PrincipalId, request.PrincipalArn)
        {
            SourcePrincipalId = request.SourcePrincipalId,
            SourceAccessKeyId = request.SourceAccessKeyId,
            RoleSessionName = request.RoleSessionName,
            SessionPolicy = request.SessionPolicy,
            AuthTime = request.AuthTime,
            MfaAuthTime = request.MfaAuthTime,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            SourceIp = request.SourceIp,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        var token = Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Value.Issuer,
            Audience = options.Value.Issuer,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = session.ExpiresAt.UtcDateTime,
            Claims = Claims(request, session.Id),
            SigningCredentials = await keys.GetSigningCredentialsAsync(cancellationToken),
        });
        return new IssuedToken(token, session.ExpiresAt, session.Id);
    }

    private static Dictionary<string, object> Claims(SessionRequest request, string sessionId)
    {
        var methods = request.MfaAuthTime is null ? new[] { request.Method } : [request.Method, "mfa"];
        var claims = new Dictionary<string, object>
        {
            [IamClaims.Subject] = request.PrincipalId,
            [IamClaims.PrincipalArn] = request.PrincipalArn,
            [IamClaims.UserId] = request.UserId,
            [IamClaims.SessionId] = sessionId,
            [IamClaims.Kind] = JsonNamingPolicy.CamelCase.ConvertName(request.Kind.ToString()),
            [IamClaims.AuthTime] = request.AuthTime.ToUnixTimeSeconds(),
            [IamClaims.Methods] = methods,
        };
        if (request.MfaAuthTime is { } mfaTime)
        {
            claims[IamClaims.MfaTime] = mfaTime.ToUnixTimeSeconds();
        }

        return claims;
    }

    /// <summary>128 random bits in base64url: 22 characters.</summary>
    private static string NewSessionId() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
}
