using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Roles;

public sealed class RoleInlinePolicy(string roleId, string name, string document) : InlinePolicy(name, document)
{
    public string RoleId { get; private set; } = roleId;
}

internal sealed class RoleInlinePolicyConfiguration : IEntityTypeConfiguration<RoleInlinePolicy>
{
    public void Configure(EntityTypeBuilder<RoleInlinePolicy> builder)
    {
        builder.HasKey(p => new { p.RoleId, p.NormalizedName });
        builder.Property(p => p.RoleId).IsIamId();
        builder.ConfigureInlinePolicyColumns();
        builder.HasOne<Role>().WithMany().HasForeignKey(p => p.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}
