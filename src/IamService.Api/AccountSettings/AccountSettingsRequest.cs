namespace IamService.Api.AccountSettings;

public sealed record AccountSettingsRequest
{
    /// <summary>
    /// Whether every user without an enabled MFA device may do nothing but enrol one and change their
    /// password.
    /// </summary>
    /// <example>true</example>
    public required bool RequireMfa { get; init; }
}
