using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Roles;

/// <summary>A managed policy attached to a role.</summary>
public sealed class RolePolicyAttachment(string roleId, string policyId)
{
    public string RoleId { get; private set; } = roleId;

    public string PolicyId { get; private set; } = policyId;

    public Role? Role { get; private set; }

    public ManagedPolicy? Policy { get; private set; }
}

internal sealed class RolePolicyAttachmentConfiguration : IEntityTypeConfiguration<RolePolicyAttachment>
{
    public void Configure(EntityTypeBuilder<RolePolicyAttachment> builder)
    {
        // The key serves "a role's policies"; the policy id index serves "a policy's roles".
        builder.HasKey(a => new { a.RoleId, a.PolicyId });
        builder.HasIndex(a => a.PolicyId);
        builder.Property(a => a.RoleId).IsIamId();
        builder.Property(a => a.PolicyId).IsIamId();
        builder.HasOne(a => a.Role).WithMany().HasForeignKey(a => a.RoleId).OnDelete(DeleteBehavior.Cascade);
        // An attached policy must be detached before it is deleted (IAM: DeleteConflict).
        builder.HasOne(a => a.Policy).WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Restrict);
    }
}
