namespace IamService.Api.AccountSettings;

/// <summary>The account-wide settings.</summary>
public sealed record AccountSettingsResponse
{
    /// <summary>Whether users without an enabled MFA device may only enrol one and change their password.</summary>
    /// <example>true</example>
    public required bool RequireMfa { get; init; }
}
