using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Roles;

public sealed class RoleTag(string roleId, string key, string value) : EntityTag(key, value)
{
    public string RoleId { get; private set; } = roleId;
}

internal sealed class RoleTagConfiguration : IEntityTypeConfiguration<RoleTag>
{
    public void Configure(EntityTypeBuilder<RoleTag> builder)
    {
        builder.HasKey(t => new { t.RoleId, t.NormalizedKey });
        builder.Property(t => t.RoleId).IsIamId();
        builder.ConfigureTagColumns();
        builder.HasOne<Role>().WithMany(r => r.Tags).HasForeignKey(t => t.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}
