using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Policies;

/// <summary>
/// A customer managed policy: a named, versioned policy document that can be attached to users, groups and
/// roles, or set as a permissions boundary.
/// </summary>
public sealed class ManagedPolicy(string id, string name, string path, DateTimeOffset createDate)
    : IamEntity(id, name, path, createDate)
{
    public const int MaxNameLength = 128;
    public const int MaxDescriptionLength = 1000;

    /// <summary>Set at creation only, as in IAM.</summary>
    public string? Description { get; set; }

    public DateTimeOffset UpdateDate { get; set; } = createDate;

    /// <summary>The number of the version in force; its id is <c>v</c> followed by the number.</summary>
    public int DefaultVersionNumber { get; set; } = 1;

    /// <summary>The highest version number ever given out; numbers of deleted versions are not reused.</summary>
    public int LatestVersionNumber { get; set; } = 1;

    public bool IsAttachable { get; set; } = true;

    public List<ManagedPolicyVersion> Versions { get; set; } = [];

    public List<ManagedPolicyTag> Tags { get; set; } = [];
}

internal sealed class ManagedPolicyConfiguration : IEntityTypeConfiguration<ManagedPolicy>
{
    public void Configure(EntityTypeBuilder<ManagedPolicy> builder)
    {
        builder.ConfigureIamEntity(ManagedPolicy.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(ManagedPolicy.MaxDescriptionLength);
    }
}
