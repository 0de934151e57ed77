using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Roles;

/// <summary>An IAM role: an identity without long-term credentials that trusted principals assume.</summary>
public sealed class Role(
    string id,
    string name,
    string path,
    DateTimeOffset createDate,
    string assumeRolePolicyDocument)
    : IamEntity(id, name, path, createDate)
{
    public const int MaxNameLength = 64;
    public const int MaxDescriptionLength = 1000;
    public const int MinSessionDurationSeconds = 3600;
    public const int MaxSessionDurationSeconds = 43200;

    /// <summary>The trust policy, exactly as submitted.</summary>
    public string AssumeRolePolicyDocument { get; set; } = assumeRolePolicyDocument;

    public string? Description { get; set; }

    public int MaxSessionDuration { get; set; } = MinSessionDurationSeconds;

    public string? PermissionsBoundaryPolicyId { get; set; }

    public ManagedPolicy? PermissionsBoundary { get; set; }

    public List<RoleTag> Tags { get; set; } = [];
}

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.ConfigureIamEntity(Role.MaxNameLength);
        builder.Property(r => r.Description).HasMaxLength(Role.MaxDescriptionLength);
        builder.Property(r => r.PermissionsBoundaryPolicyId).IsIamId();
        builder.HasOne(r => r.PermissionsBoundary).WithMany()
            .HasForeignKey(r => r.PermissionsBoundaryPolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint(
            "ck_roles_max_session_duration",
            $"max_session_duration BETWEEN {Role.MinSessionDurationSeconds} AND {Role.MaxSessionDurationSeconds}"));
    }
}
