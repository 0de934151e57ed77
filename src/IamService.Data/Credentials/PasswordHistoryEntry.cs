using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>A password hash a principal used before, kept so that the password policy can forbid reuse.</summary>
public sealed class PasswordHistoryEntry(string principalId, string passwordHash, DateTimeOffset retiredAt)
{
    public long Id { get; private set; }

    public string PrincipalId { get; private set; } = principalId;

    public string PasswordHash { get; private set; } = passwordHash;

    public DateTimeOffset RetiredAt { get; private set; } = retiredAt;
}

internal sealed class PasswordHistoryEntryConfiguration : IEntityTypeConfiguration<PasswordHistoryEntry>
{
    public void Configure(EntityTypeBuilder<PasswordHistoryEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.PrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(e => e.PasswordHash).HasMaxLength(CredentialColumns.HashLength);
        builder.HasIndex(e => new { e.PrincipalId, e.RetiredAt });
    }
}
