namespace IamService.Api.LoginProfiles;

/// <summary>A user's console password (IAM CreateLoginProfile / UpdateLoginProfile).</summary>
public sealed record LoginProfileRequest
{
    /// <summary>
    /// The new password, checked against the password policy. Required to create a profile; left out on an
    /// existing one, only <see cref="PasswordResetRequired"/> changes.
    /// </summary>
    /// <example>Tr4vel-Plans-Ahead!</example>
    public string? Password { get; init; }

    /// <summary>Whether the user must choose a new password at their next sign-in.</summary>
    /// <example>true</example>
    public bool PasswordResetRequired { get; init; }
}
