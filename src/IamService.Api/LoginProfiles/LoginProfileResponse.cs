using IamService.Data.Credentials;

namespace IamService.Api.LoginProfiles;

/// <summary>The state of a user's console password; never the password or its hash.</summary>
public sealed record LoginProfileResponse
{
    public required string UserName { get; init; }

    public required DateTimeOffset CreateDate { get; init; }

    public required bool PasswordResetRequired { get; init; }

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
