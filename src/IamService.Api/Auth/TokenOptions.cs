using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>How access tokens are issued and how often their signing keys rotate (section <c>Tokens</c>).</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Tokens";

    /// <summary>The <c>iss</c> and <c>aud</c> of every token; other services check both.</summary>
    [Required]
    public string Issuer { get; set; } = "iamservice";

    /// <summary>How long a signed-in session and its access token last.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "12:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a key signs new tokens before a fresh one replaces it.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an instance rereads the key ring, so that keys another instance made are trusted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeyRingRefresh { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The longest any token may live (session tokens and role sessions included): 12 hours, as in STS.
    /// </summary>
    public static TimeSpan MaxTokenLifetime { get; } = TimeSpan.FromHours(12);
}
