using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Common;

internal static class ModelBuilderExtensions
{
    /// <summary>The columns and indexes (unique name, path) every user, group, role and managed policy has.</summary>
    public static void ConfigureIamEntity<TEntity>(this EntityTypeBuilder<TEntity> builder, int maxNameLength)
        where TEntity : IamEntity
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(IamEntity.IdLength).IsFixedLength().ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(maxNameLength);
        builder.Property(e => e.NormalizedName).HasMaxLength(maxNameLength);
        builder.Property(e => e.Path).HasMaxLength(IamEntity.MaxPathLength);
        builder.HasIndex(e => e.NormalizedName).IsUnique();
        // Serves a list with a selective pathPrefix, which is a range of paths (KeysetPaging.WithPathPrefix).
        builder.HasIndex(e => e.Path);
    }

    /// <summary>A column that holds an IAM-style id (or refers to one), nullable or not.</summary>
    public static PropertyBuilder<TId> IsIamId<TId>(this PropertyBuilder<TId> property) =>
        property.HasMaxLength(IamEntity.IdLength).IsFixedLength();

    public static void ConfigureTagColumns<TTag>(this EntityTypeBuilder<TTag> builder)
        where TTag : EntityTag
    {
        builder.Property(t => t.Key).HasMaxLength(EntityTag.MaxKeyLength);
        builder.Property(t => t.NormalizedKey).HasMaxLength(EntityTag.MaxKeyLength);
        builder.Property(t => t.Value).HasMaxLength(EntityTag.MaxValueLength);
    }

    public static void ConfigureInlinePolicyColumns<TPolicy>(this EntityTypeBuilder<TPolicy> builder)
        where TPolicy : InlinePolicy
    {
        builder.Property(p => p.Name).HasMaxLength(InlinePolicy.MaxNameLength);
        builder.Property(p => p.NormalizedName).HasMaxLength(InlinePolicy.MaxNameLength);
    }
}
