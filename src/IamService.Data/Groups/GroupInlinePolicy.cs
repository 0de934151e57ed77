using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Groups;

public sealed class GroupInlinePolicy(string groupId, string name, string document) : InlinePolicy(name, document)
{
    public string GroupId { get; private set; } = groupId;
}

internal sealed class GroupInlinePolicyConfiguration : IEntityTypeConfiguration<GroupInlinePolicy>
{
    public void Configure(EntityTypeBuilder<GroupInlinePolicy> builder)
    {
        builder.HasKey(p => new { p.GroupId, p.NormalizedName });
        builder.Property(p => p.GroupId).IsIamId();
        builder.ConfigureInlinePolicyColumns();
        builder.HasOne<Group>().WithMany().HasForeignKey(p => p.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
