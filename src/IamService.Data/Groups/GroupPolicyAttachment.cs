using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Groups;

/// <summary>A managed policy attached to a group.</summary>
public sealed class GroupPolicyAttachment(string groupId, string policyId)
{
    public string GroupId { get; private set; } = groupId;

    public string PolicyId { get; private set; } = policyId;

    public Group? Group { get; private set; }

    public ManagedPolicy? Policy { get; private set; }
}

internal sealed class GroupPolicyAttachmentConfiguration : IEntityTypeConfiguration<GroupPolicyAttachment>
{
    public void Configure(EntityTypeBuilder<GroupPolicyAttachment> builder)
    {
        // The key serves "a group's policies"; the policy id index serves "a policy's groups".
        builder.HasKey(a => new { a.GroupId, a.PolicyId });
        builder.HasIndex(a => a.PolicyId);
        builder.Property(a => a.GroupId).IsIamId();
        builder.Property(a => a.PolicyId).IsIamId();
        builder.HasOne(a => a.Group).WithMany().HasForeignKey(a => a.GroupId).OnDelete(DeleteBehavior.Cascade);
        // An attached policy must be detached before it is deleted (IAM: DeleteConflict).
        builder.HasOne(a => a.Policy).WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
