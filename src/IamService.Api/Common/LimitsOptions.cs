using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Common;

/// <summary>The <c>Limits</c> configuration section: quotas with IAM's default values.</summary>
public sealed class LimitsOptions
{
    public const string SectionName = "Limits";

    [Range(1, 10_000)]
    public int GroupsPerUser { get; set; } = 10;

    [Range(1, 100_000)]
    public int GroupsPerAccount { get; set; } = 300;

    /// <summary>Managed policies attached to one user, group or role.</summary>
    [Range(1, 1_000)]
    public int AttachedPoliciesPerEntity { get; set; } = 10;

    /// <summary>Versions one managed policy keeps, the default version included.</summary>
    [Range(1, 100)]
    public int VersionsPerPolicy { get; set; } = 5;

    /// <summary>Enabled virtual MFA devices one user (or root) may hold; IAM allows up to 8.</summary>
    [Range(1, 8)]
    public int MfaDevicesPerUser { get; set; } = 1;
}
