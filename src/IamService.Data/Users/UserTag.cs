using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Users;

public sealed class UserTag(string userId, string key, string value) : EntityTag(key, value)
{
    public string UserId { get; private set; } = userId;
}

internal sealed class UserTagConfiguration : IEntityTypeConfiguration<UserTag>
{
    public void Configure(EntityTypeBuilder<UserTag> builder)
    {
        builder.HasKey(t => new { t.UserId, t.NormalizedKey });
        builder.Property(t => t.UserId).IsIamId();
        builder.ConfigureTagColumns();
        builder.HasOne<User>().WithMany(u => u.Tags).HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
