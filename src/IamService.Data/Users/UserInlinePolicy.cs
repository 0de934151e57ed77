using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Users;

public sealed class UserInlinePolicy(string userId, string name, string document) : InlinePolicy(name, document)
{
    public string UserId { get; private set; } = userId;
}

internal sealed class UserInlinePolicyConfiguration : IEntityTypeConfiguration<UserInlinePolicy>
{
    public void Configure(EntityTypeBuilder<UserInlinePolicy> builder)
    {
        builder.HasKey(p => new { p.UserId, p.NormalizedName });
        builder.Property(p => p.UserId).IsIamId();
        builder.ConfigureInlinePolicyColumns();
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
