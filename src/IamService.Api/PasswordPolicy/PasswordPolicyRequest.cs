namespace IamService.Api.PasswordPolicy;

/// <summary>
/// The whole account password policy (IAM UpdateAccountPasswordPolicy): a field left out takes IAM's default,
/// it does not keep its previous value.
/// </summary>
public sealed record PasswordPolicyRequest
{
    /// <summary>6 to 128; 6 when omitted.</summary>
    /// <example>14</example>
    public int? MinimumPasswordLength { get; init; }

    /// <summary>At least one of <c>! @ # $ % ^ &amp; * ( ) _ + - = [ ] { } | '</c>.</summary>
    public bool RequireSymbols { get; init; }

    public bool RequireNumbers { get; init; }

    public bool RequireUppercaseCharacters { get; init; }

    public bool RequireLowercaseCharacters { get; init; }

    /// <summary>Whether users may change their own password with POST /api/v1/auth/change-password.</summary>
    public bool AllowUsersToChangePassword { get; init; }

    /// <summary>Days a password stays valid, 1 to 1095; passwords never expire when omitted.</summary>
    /// <example>90</example>
    public int? MaxPasswordAge { get; init; }

    /// <summary>How many previous passwords a user may not reuse, 1 to 24; reuse is allowed when omitted.</summary>
    public int? PasswordReusePrevention { get; init; }

    /// <summary>Whether an expired password can only be reset by an administrator.</summary>
    public bool HardExpiry { get; init; }
}
