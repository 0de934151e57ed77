using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>
/// The half-finished sign-in between a correct password and an MFA code: short-lived and single-use. Only a
/// hash of the challenge handed to the client is stored.
/// </summary>
public sealed class SignInChallenge(string challengeHash, string principalId, string userName)
{
    /// <summary>A SHA-256 hash in lower-case hex.</summary>
    public const int HashLength = 64;

    public string ChallengeHash { get; private set; } = challengeHash;

    public string PrincipalId { get; private set; } = principalId;

    public string UserName { get; private set; } = userName;

    /// <summary>When the password was verified; the session's auth time.</summary>
    public DateTimeOffset PasswordVerifiedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? ConsumedAt { get; set; }
}

internal sealed class SignInChallengeConfiguration : IEntityTypeConfiguration<SignInChallenge>
{
    public void Configure(EntityTypeBuilder<SignInChallenge> builder)
    {
        builder.HasKey(c => c.ChallengeHash);
        builder.Property(c => c.ChallengeHash).HasMaxLength(SignInChallenge.HashLength).IsFixedLength();
        builder.Property(c => c.PrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(c => c.UserName).HasMaxLength(SignInEvent.MaxUserNameLength);
        // Single use: consuming compares and sets this column in one statement.
        builder.Property(c => c.ConsumedAt).IsConcurrencyToken();
    }
}
