using System.ComponentModel.DataAnnotations;

namespace IamService.Api.Auth;

/// <summary>Brute-force protection and the lifetimes of the steps of a sign-in (section <c>SignIn</c>).</summary>
public sealed class SignInOptions
{
    public const string SectionName = "SignIn";

    /// <summary>Failed passwords or MFA codes in a row, within <see cref="FailureWindow"/>, that lock a name.</summary>
    [Range(1, 100)]
    public int MaxFailedAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a lockout lasts after the failure that caused it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long the MFA step of a sign-in may wait after a correct password.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "00:30:00")]
    public TimeSpan MfaChallengeLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a token that can only change an expired or reset password lasts.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan PasswordChangeTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in requests (password and MFA steps together) one IP address may make per minute.</summary>
    [Range(1, 100_000)]
    public int RequestsPerMinutePerIp { get; set; } = 60;
}
