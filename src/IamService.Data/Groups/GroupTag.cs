using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Groups;

public sealed class GroupTag(string groupId, string key, string value) : EntityTag(key, value)
{
    public string GroupId { get; private set; } = groupId;
}

internal sealed class GroupTagConfiguration : IEntityTypeConfiguration<GroupTag>
{
    public void Configure(EntityTypeBuilder<GroupTag> builder)
    {
        builder.HasKey(t => new { t.GroupId, t.NormalizedKey });
        builder.Property(t => t.GroupId).IsIamId();
        builder.ConfigureTagColumns();
        builder.HasOne<Group>().WithMany(g => g.Tags).HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
