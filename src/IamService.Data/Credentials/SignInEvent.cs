using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>Which step of a sign-in an attempt was.</summary>
public enum SignInStep
{
    Password = 0,
    MfaCode = 1,
}

/// <summary>One sign-in attempt, kept for the audit trail and for counting failures towards a lockout.</summary>
public sealed class SignInEvent
{
    public const int MaxUserNameLength = 128;

    public const int MaxReasonLength = 64;

    public long Id { get; private set; }

    /// <summary>The name that was typed, known user or not.</summary>
    public required string UserName { get; init; }

    /// <summary>The user id, or the account id for root; null when no such user exists.</summary>
    public string? PrincipalId { get; init; }

    public SignInStep Step { get; init; }

    public bool Succeeded { get; init; }

    /// <summary>Why an attempt failed, in a few words (never the password or code that was tried).</summary>
    public string? FailureReason { get; init; }

    public string? SourceIp { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}

internal sealed class SignInEventConfiguration : IEntityTypeConfiguration<SignInEvent>
{
    public void Configure(EntityTypeBuilder<SignInEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.UserName).HasMaxLength(SignInEvent.MaxUserNameLength);
        builder.Property(e => e.PrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(e => e.FailureReason).HasMaxLength(SignInEvent.MaxReasonLength);
        builder.Property(e => e.SourceIp).HasMaxLength(CredentialColumns.IpLength);
        // Lockout counts a principal's recent failures.
        builder.HasIndex(e => new { e.PrincipalId, e.OccurredAt });
    }
}
