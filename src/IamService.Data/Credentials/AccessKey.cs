using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Credentials;

/// <summary>A user's long-term programmatic credential; the secret is kept only as a hash.</summary>
public sealed class AccessKey(string accessKeyId, string userId, string secretHash, DateTimeOffset createDate)
{
    /// <summary><c>AKIA</c> and 16 upper-case base32 characters.</summary>
    public const int IdLength = 20;

    public string AccessKeyId { get; private set; } = accessKeyId;

    public string UserId { get; private set; } = userId;

    public string SecretHash { get; private set; } = secretHash;

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreateDate { get; private set; } = createDate;

    public DateTimeOffset? LastUsedDate { get; set; }

    public string? LastUsedService { get; set; }
}

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> builder)
    {
        builder.HasKey(k => k.AccessKeyId);
        builder.Property(k => k.AccessKeyId).HasMaxLength(AccessKey.IdLength).IsFixedLength();
        builder.Property(k => k.UserId).HasMaxLength(CredentialColumns.PrincipalIdLength).IsFixedLength();
        builder.Property(k => k.SecretHash).HasMaxLength(CredentialColumns.HashLength);
        builder.Property(k => k.LastUsedService).HasMaxLength(64);
        builder.HasIndex(k => k.UserId);
        // A user with keys cannot be deleted until they are removed (IAM: DeleteConflict).
        builder.HasOne<User>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
