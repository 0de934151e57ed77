using Policy = IamService.Data.Credentials.PasswordPolicy;

namespace IamService.Api.PasswordPolicy;

/// <summary>The account password policy as IAM's GetAccountPasswordPolicy shows it.</summary>
public sealed record PasswordPolicyResponse
{
    /// <example>14</example>
    public required int MinimumPasswordLength { get; init; }

    public required bool RequireSymbols { get; init; }

    public required bool RequireNumbers { get; init; }

    public required bool RequireUppercaseCharacters { get; init; }

    public required bool RequireLowercaseCharacters { get; init; }

    public required bool AllowUsersToChangePassword { get; init; }

    /// <summary>Whether passwords expire, that is whether <see cref="MaxPasswordAge"/> is set.</summary>
    public required bool ExpirePasswords { get; init; }

    /// <example>90</example>
    public int? MaxPasswordAge { get; init; }

    public int? PasswordReusePrevention { get; init; }

    public required bool HardExpiry { get; init; }

    public static PasswordPolicyResponse From(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PasswordPolicyResponse
        {
            MinimumPasswordLength = policy.MinimumPasswordLength,
            RequireSymbols = policy.RequireSymbols,
            RequireNumbers = policy.RequireNumbers,
            RequireUppercaseCharacters = policy.RequireUppercaseCharacters,
            RequireLowercaseCharacters = policy.RequireLowercaseCharacters,
            AllowUsersToChangePassword = policy.AllowUsersToChangePassword,
            ExpirePasswords = policy.MaxPasswordAge is not null,
            MaxPasswordAge = policy.MaxPasswordAge,
            PasswordReusePrevention = policy.PasswordReusePrevention,
            HardExpiry = policy.HardExpiry,
        };
    }
}
