namespace IamService.Api.Policies;

/// <summary>How an entity uses a managed policy (IAM's PolicyUsageType).</summary>
public enum PolicyUsageFilter
{
    /// <summary>Attached: it grants permissions.</summary>
    PermissionsPolicy,

    /// <summary>Set as the user's or role's permissions boundary.</summary>
    PermissionsBoundary,
}
