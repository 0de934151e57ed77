using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data;

/// <summary>The single account this service manages: its 12-digit id is generated once, at first start.</summary>
public sealed class Account
{
    /// <summary>The fixed key of the only row; the table holds one account per installation.</summary>
    public const int SingletonKey = 1;

    public int Key { get; set; } = SingletonKey;

    /// <summary>The 12-digit account id used in every ARN, e.g. <c>arn:aws:iam::123456789012:user/alice</c>.</summary>
    public required string AccountId { get; set; }

    /// <summary>An optional friendly name for the account, as IAM's account alias.</summary>
    public string? Alias { get; set; }

    public DateTimeOffset CreateDate { get; set; }

    /// <summary>Whether every user must have an enabled MFA device before doing anything but enrolling one.</summary>
    public bool RequireMfa { get; set; }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.HasKey(a => a.Key);
        builder.Property(a => a.Key).ValueGeneratedNever();
        builder.Property(a => a.AccountId).IsRequired().HasMaxLength(12).IsFixedLength();
        builder.HasIndex(a => a.AccountId).IsUnique();
        // IAM's alias rules: 3 to 63 characters of lower-case letters, digits and hyphens.
        builder.Property(a => a.Alias).HasMaxLength(63);
        builder.HasIndex(a => a.Alias).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_accounts_singleton", "key = 1"));
    }
}
