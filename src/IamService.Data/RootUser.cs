using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data;

/// <summary>The account's root user: all-powerful, created once at first start, meant for set-up only.</summary>
public sealed class RootUser
{
    public int AccountKey { get; set; } = Account.SingletonKey;

    /// <summary>The password hash produced by ASP.NET Core Identity's hasher (PBKDF2, versioned format).</summary>
    public required string PasswordHash { get; set; }

    public DateTimeOffset CreateDate { get; set; }

    public DateTimeOffset PasswordLastChanged { get; set; }
}

internal sealed class RootUserConfiguration : IEntityTypeConfiguration<RootUser>
{
    public void Configure(EntityTypeBuilder<RootUser> builder)
    {
        builder.HasKey(r => r.AccountKey);
        builder.Property(r => r.AccountKey).ValueGeneratedNever();
        builder.Property(r => r.PasswordHash).HasMaxLength(512);
        builder.HasOne<Account>().WithOne()
            .HasForeignKey<RootUser>(r => r.AccountKey).OnDelete(DeleteBehavior.Restrict);
    }
}
