namespace IamService.Api.AccountSettings;

/// <example>{"requireMfa": true}</example>
public sealed record AccountSettingsRequest
{
    /// <summary>
    /// Whether every user without an enabled MFA device may do nothing but enrol one and change their
    /// password.
    /// </summary>
    public required bool RequireMfa { get; init; }
}
