using IamService.Data.Common;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>A user's console password: only its hash is kept.</summary>
public sealed class LoginProfile(string userId, string passwordHash, DateTimeOffset createDate)
{
    public string UserId { get; private set; } = userId;

    /// <summary>The hash produced by ASP.NET Core Identity's password hasher.</summary>
    public string PasswordHash { get; set; } = passwordHash;

    public DateTimeOffset CreateDate { get; private set; } = createDate;

    public DateTimeOffset PasswordLastChanged { get; set; } = createDate;

    /// <summary>Whether the next sign-in must set a new password before anything else.</summary>
    public bool PasswordResetRequired { get; set; }

    public DateTimeOffset? PasswordLastUsed { get; set; }
}

internal sealed class LoginProfileConfiguration : IEntityTypeConfiguration<LoginProfile>
{
    public void Configure(EntityTypeBuilder<LoginProfile> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).IsIamId();
        builder.Property(p => p.PasswordHash).HasMaxLength(CredentialColumns.HashLength);
        // A user with a password cannot be deleted until it is removed (IAM: DeleteConflict).
        builder.HasOne<User>().WithOne().HasForeignKey<LoginProfile>(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
