using System.ComponentModel.DataAnnotations;

namespace IamService.Api.PolicyCache;

/// <summary>How fresh cached effective policies must be (section <c>PolicyCache</c>).</summary>
public sealed class PolicyCacheOptions
{
    public const string SectionName = "PolicyCache";

    /// <summary>
    /// The longest a cached entry may be used without the change feed proving itself alive: the bound on how
    /// late a change made through another instance can be seen here.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Staleness { get; set; } = TimeSpan.FromSeconds(1);
}
