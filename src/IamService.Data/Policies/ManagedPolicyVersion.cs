using IamService.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IamService.Data.Policies;

/// <summary>One version of a managed policy's document, kept exactly as submitted.</summary>
public sealed class ManagedPolicyVersion(string policyId, int versionNumber, string document, DateTimeOffset createDate)
{
    public string PolicyId { get; private set; } = policyId;

    public int VersionNumber { get; private set; } = versionNumber;

    public string Document { get; set; } = document;

    public DateTimeOffset CreateDate { get; private set; } = createDate;

    /// <summary>IAM's version id, <c>v1</c>, <c>v2</c>, ...</summary>
    public string VersionId => FormatVersionId(VersionNumber);

    public static string FormatVersionId(int versionNumber) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"v{versionNumber}");
}

internal sealed class ManagedPolicyVersionConfiguration : IEntityTypeConfiguration<ManagedPolicyVersion>
{
    public void Configure(EntityTypeBuilder<ManagedPolicyVersion> builder)
    {
        builder.HasKey(v => new { v.PolicyId, v.VersionNumber });
        builder.Property(v => v.PolicyId).IsIamId();
        builder.Property(v => v.VersionNumber).ValueGeneratedNever();
        builder.Ignore(v => v.VersionId);
        builder.HasOne<ManagedPolicy>().WithMany(p => p.Versions)
            .HasForeignKey(v => v.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}
