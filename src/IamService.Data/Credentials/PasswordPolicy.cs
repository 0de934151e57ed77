using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>The account password policy, with IAM's fields; no row means none has been set.</summary>
public sealed class PasswordPolicy
{
    public int AccountKey { get; set; } = Account.SingletonKey;

    public int MinimumPasswordLength { get; set; }

    public bool RequireSymbols { get; set; }

    public bool RequireNumbers { get; set; }

    public bool RequireUppercaseCharacters { get; set; }

    public bool RequireLowercaseCharacters { get; set; }

    public bool AllowUsersToChangePassword { get; set; }

    /// <summary>Days a password stays valid; null when passwords never expire.</summary>
    public int? MaxPasswordAge { get; set; }

    /// <summary>How many previous passwords may not be reused; null when reuse is allowed.</summary>
    public int? PasswordReusePrevention { get; set; }

    /// <summary>Whether an expired password can only be reset by an administrator.</summary>
    public bool HardExpiry { get; set; }
}

internal sealed class PasswordPolicyConfiguration : IEntityTypeConfiguration<PasswordPolicy>
{
    public void Configure(EntityTypeBuilder<PasswordPolicy> builder)
    {
        builder.HasKey(p => p.AccountKey);
        builder.Property(p => p.AccountKey).ValueGeneratedNever();
        builder.HasOne<Account>().WithOne().HasForeignKey<PasswordPolicy>(p => p.AccountKey)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
