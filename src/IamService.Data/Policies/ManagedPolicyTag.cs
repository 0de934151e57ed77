using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Policies;

public sealed class ManagedPolicyTag(string policyId, string key, string value) : EntityTag(key, value)
{
    public string PolicyId { get; private set; } = policyId;
}

internal sealed class ManagedPolicyTagConfiguration : IEntityTypeConfiguration<ManagedPolicyTag>
{
    public void Configure(EntityTypeBuilder<ManagedPolicyTag> builder)
    {
        builder.HasKey(t => new { t.PolicyId, t.NormalizedKey });
        builder.Property(t => t.PolicyId).IsIamId();
        builder.ConfigureTagColumns();
        builder.HasOne<ManagedPolicy>().WithMany(p => p.Tags)
            .HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
