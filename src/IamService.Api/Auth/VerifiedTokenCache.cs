using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Auth;

/// <summary>
/// Validates bearer tokens as <see cref="JsonWebTokenHandler"/> does, after making sure the signing key ring
/// knows the token's key, and remembers each token that passed until it expires: a client sending the same
/// token again costs a hash instead of parsing the token and checking its ES256 signature (the largest costs
/// of a decision request). A remembered token is honoured only while it has not expired and the key that
/// signed it is still in the ring; its session is still checked on every request.
/// </summary>
public sealed class VerifiedTokenCache(SigningKeyRing ring, TimeProvider time) : JsonWebTokenHandler
{
    /// <summary>Enough for every live token of a busy deployment; past it, new tokens are verified each time.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<TokenDigest, Verified> verified = new();

    public int Count => verified.Count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(
        string token,
        TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        if (string.IsNullOrEmpty(token))
        {
            return await base.ValidateTokenAsync(token, validationParameters);
        }

        // Keyed by a digest, so that looking a token up never compares secrets character by character.
        var digest = TokenDigest.Of(token);
        var now = time.GetUtcNow();
        if (verified.TryGetValue(digest, out var hit))
        {
            // Keeps the ring as fresh as for any request (a reread at most every KeyRingRefresh); the handler is
            // not given the request, so a reread is not cancelled with it.
            await ring.EnsureKnownAsync(hit.KeyId, CancellationToken.None);
            if (hit.ValidUntil > now && IsInRing(hit.KeyId))
            {
                return new TokenValidationResult
                {
                    IsValid = true,
                    // Each request gets its own identity: handlers and events may add claims to it.
                    ClaimsIdentity = hit.Identity.Clone(),
                    SecurityToken = hit.Token,
                    Issuer = hit.Token.Issuer,
                    TokenType = hit.Token.Typ,
                };
            }

            verified.TryRemove(digest, out _);
        }

        // Another instance may have rotated the key since this one last read the ring.
        await ring.EnsureKnownAsync(CanReadToken(token) ? ReadJsonWebToken(token).Kid : null, CancellationToken.None);
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt)
        {
            // ValidTo is UTC; the handler accepts the token until then plus the clock skew.
            var validUntil = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc))
                + validationParameters.ClockSkew;
            Remember(digest, new Verified(result.ClaimsIdentity.Clone(), jwt, validUntil, jwt.Kid), now);
        }

        return result;
    }

    private bool IsInRing(string? keyId)
    {
        foreach (var key in ring.ValidationKeys)
        {
            if (key.KeyId == keyId)
            {
                return true;
            }
        }

        return false;
    }

    private void Remember(TokenDigest digest, Verified entry, DateTimeOffset now)
    {
        if (verified.Count >= MaxEntries)
        {
            foreach (var (key, value) in verified)
            {
                if (value.ValidUntil <= now)
                {
                    verified.TryRemove(key, out _);
                }
            }

            if (verified.Count >= MaxEntries)
            {
                return;
            }
        }

        verified[digest] = entry;
    }

    private sealed record Verified(
        ClaimsIdentity Identity, JsonWebToken Token, DateTimeOffset ValidUntil, string? KeyId);

    private readonly record struct TokenDigest(UInt128 High, UInt128 Low)
    {
        public static TokenDigest Of(string token)
        {
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            var length = Encoding.UTF8.GetMaxByteCount(token.Length);
            Span<byte> bytes = length <= 4096 ? stackalloc byte[4096] : new byte[length];
            var written = Encoding.UTF8.GetBytes(token, bytes);
            SHA256.HashData(bytes[..written], hash);
            return new TokenDigest(
                BinaryPrimitives.ReadUInt128LittleEndian(hash), BinaryPrimitives.ReadUInt128LittleEndian(hash[16..]));
        }
    }
}
