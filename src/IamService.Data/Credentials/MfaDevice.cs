using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>A virtual TOTP device (RFC 6238) of a user or of root; pending until enabled with two codes.</summary>
public sealed class MfaDevice(string principalId, string name, string protectedSeed, DateTimeOffset createDate)
{
    public const int MaxNameLength = 128;

    public long Id { get; private set; }

    /// <summary>The user id, or the account id for root.</summary>
    public string PrincipalId { get; private set; } = principalId;

    public string Name { get; private set; } = name;

    /// <summary>The upper-cased name, unique in the account as IAM's virtual MFA device names are.</summary>
    public string NormalizedName { get; private set; } = name.ToUpperInvariant();

    /// <summary>The base32 seed, encrypted with ASP.NET Core Data Protection; never returned after creation.</summary>
    public string ProtectedSeed { get; private set; } = protectedSeed;

    public DateTimeOffset CreateDate { get; private set; } = createDate;

    /// <summary>When the device was enabled; null while it waits for its two codes.</summary>
    public DateTimeOffset? EnableDate { get; set; }

    /// <summary>The last 30-second time step whose code was accepted: a code from it or earlier is a replay.</summary>
    public long LastUsedTimeStep { get; set; } = -1;
}

internal sealed class MfaDeviceConfiguration : IEntityTypeConfiguration<MfaDevice>
{
    public void Configure(EntityTypeBuilder<MfaDevice> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.PrincipalId).HasMaxLength(CredentialColumns.PrincipalIdLength);
        builder.Property(d => d.Name).HasMaxLength(MfaDevice.MaxNameLength);
        builder.Property(d => d.NormalizedName).HasMaxLength(MfaDevice.MaxNameLength);
        builder.Property(d => d.ProtectedSeed).HasMaxLength(CredentialColumns.HashLength);
        builder.HasIndex(d => d.NormalizedName).IsUnique();
        builder.HasIndex(d => d.PrincipalId);
        // Replay protection compares and sets the last used step in one statement.
        builder.Property(d => d.LastUsedTimeStep).IsConcurrencyToken();
    }
}
