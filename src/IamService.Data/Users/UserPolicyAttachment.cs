using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Users;

/// <summary>A managed policy attached to a user.</summary>
public sealed class UserPolicyAttachment(string userId, string policyId)
{
    public string UserId { get; private set; } = userId;

    public string PolicyId { get; private set; } = policyId;

    public User? User { get; private set; }

    public ManagedPolicy? Policy { get; private set; }
}

internal sealed class UserPolicyAttachmentConfiguration : IEntityTypeConfiguration<UserPolicyAttachment>
{
    public void Configure(EntityTypeBuilder<UserPolicyAttachment> builder)
    {
        // The key serves "a user's policies"; the policy id index serves "a policy's users".
        builder.HasKey(a => new { a.UserId, a.PolicyId });
        builder.HasIndex(a => a.PolicyId);
        builder.Property(a => a.UserId).IsIamId();
        builder.Property(a => a.PolicyId).IsIamId();
        builder.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        // An attached policy must be detached before it is deleted (IAM: DeleteConflict).
        builder.HasOne(a => a.Policy).WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
