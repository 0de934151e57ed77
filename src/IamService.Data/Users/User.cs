using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Users;

/// <summary>An IAM user: a person or workload with long-term credentials in the account.</summary>
public sealed class User(string id, string name, string path, DateTimeOffset createDate)
    : IamEntity(id, name, path, createDate)
{
    public const int MaxNameLength = 64;

    /// <summary>The managed policy that caps this user's permissions, if any.</summary>
    public string? PermissionsBoundaryPolicyId { get; set; }

    public ManagedPolicy? PermissionsBoundary { get; set; }

    public List<UserTag> Tags { get; set; } = [];
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ConfigureIamEntity(User.MaxNameLength);
        builder.Property(u => u.PermissionsBoundaryPolicyId).IsIamId();
        // A policy in use as a boundary cannot be deleted out from under its users (IAM: DeleteConflict).
        builder.HasOne(u => u.PermissionsBoundary).WithMany()
            .HasForeignKey(u => u.PermissionsBoundaryPolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
