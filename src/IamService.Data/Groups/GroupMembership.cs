using IamService.Data.Common;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Groups;

/// <summary>A user's membership of a group.</summary>
public sealed class GroupMembership(string groupId, string userId)
{
    public string GroupId { get; private set; } = groupId;

    public string UserId { get; private set; } = userId;

    public Group? Group { get; private set; }

    public User? User { get; private set; }
}

internal sealed class GroupMembershipConfiguration : IEntityTypeConfiguration<GroupMembership>
{
    public void Configure(EntityTypeBuilder<GroupMembership> builder)
    {
        // The key serves "a group's users"; the user id index serves "a user's groups".
        builder.HasKey(m => new { m.GroupId, m.UserId });
        builder.HasIndex(m => m.UserId);
        builder.Property(m => m.GroupId).IsIamId();
        builder.Property(m => m.UserId).IsIamId();
        // A membership goes with either side; neither the group nor the user goes with it.
        builder.HasOne(m => m.Group).WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.User).WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
