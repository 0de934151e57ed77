using IamService.Data.Credentials;

namespace IamService.Api.LoginProfiles;

/// <summary>The state of a user's console password; never the password or its hash.</summary>
public sealed record LoginProfileResponse
{
    /// <example>alice</example>
    public required string UserName { get; init; }

    /// <example>2026-11-02T08:15:00+00:00</example>
    public required DateTimeOffset CreateDate { get; init; }

    /// <example>false</example>
    public required bool PasswordResetRequired { get; init; }

    /// <example>2026-11-30T17:42:00+00:00</example>
    public required DateTimeOffset PasswordLastChanged { get; init; }

    /// <summary>When the password last signed in; absent if it never has.</summary>
    public DateTimeOffset? PasswordLastUsed { get; init; }

    public static LoginProfileResponse From(string userName, LoginProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new LoginProfileResponse
        {
            UserName = userName,
            CreateDate = profile.CreateDate,
            PasswordResetRequired = profile.PasswordResetRequired,
            PasswordLastChanged = profile.PasswordLastChanged,
            PasswordLastUsed = profile.PasswordLastUsed,
        };
    }
}
