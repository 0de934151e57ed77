namespace IamService.Policies;

/// <summary>
/// IAM's policy size quotas, in characters counted without white space (IAM: "IAM and AWS STS quotas").
/// Pass one as <see cref="PolicyParseOptions.MaxCharacters"/>.
/// </summary>
public static class PolicySizeLimits
{
    /// <summary>Aggregate size of a user's inline policies.</summary>
    public const int UserInline = 2_048;

    /// <summary>Aggregate size of a group's inline policies.</summary>
    public const int GroupInline = 5_120;

    /// <summary>Aggregate size of a role's inline policies.</summary>
    public const int RoleInline = 10_240;

    /// <summary>Size of one managed policy version.</summary>
    public const int Managed = 6_144;
}
