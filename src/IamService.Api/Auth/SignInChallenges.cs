using System.Security.Cryptography;
using System.Text;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IamService.Api.Auth;

/// <summary>
/// The MFA step of a sign-in: a random challenge handed to the client after a correct password, stored only as
/// a SHA-256 hash, short-lived and accepted once.
/// </summary>
public sealed class SignInChallenges(IamDbContext db, IOptions<SignInOptions> options, TimeProvider time)
{
    /// <summary>Opens a challenge for a principal whose password was just verified and returns it.</summary>
    public async Task<string> CreateAsync(VerifiedPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var challenge = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetStoreTime();
        db.SignInChallenges.Add(new SignInChallenge(Hash(challenge), principal.PrincipalId, principal.UserName)
        {
            PasswordVerifiedAt = now,
            ExpiresAt = now + options.Value.MfaChallengeLifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return challenge;
    }

    /// <summary>The open challenge with this value, or null when it is unknown, used or expired.</summary>
    public Task<SignInChallenge?> FindOpenAsync(string challenge, CancellationToken cancellationToken)
    {
        var hash = Hash(challenge);
        var now = time.GetUtcNow();
        return db.SignInChallenges.AsNoTracking()
            .SingleOrDefaultAsync(c => c.ChallengeHash == hash && c.ConsumedAt == null && c.ExpiresAt > now,
                cancellationToken);
    }

    /// <summary>Marks the challenge used; false when another request used it first.</summary>
    public async Task<bool> ConsumeAsync(SignInChallenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var now = time.GetStoreTime();
        var consumed = await db.SignInChallenges
            .Where(c => c.ChallengeHash == challenge.ChallengeHash && c.ConsumedAt == null && c.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        return consumed == 1;
    }

    /// <summary>Lower-case hex SHA-256: the challenge has 256 random bits, so a fast hash is enough.</summary>
    private static string Hash(string challenge) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(challenge)));
}
