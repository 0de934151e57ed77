namespace IamService.Policies;

/// <summary>
/// What a document is used as. The type decides which elements are required or forbidden
/// (IAM: "Policy types"; identity policies name no principal, resource-based policies must).
/// </summary>
public enum PolicyType
{
    /// <summary>A managed or inline policy attached to a user, group or role.</summary>
    Identity,

    /// <summary>A managed policy used as a user's or role's permissions boundary.</summary>
    PermissionsBoundary,

    /// <summary>A policy passed when a role session is created.</summary>
    Session,

    /// <summary>A policy attached to a resource; it must name a Principal or NotPrincipal.</summary>
    ResourceBased,

    /// <summary>A role's trust policy: a resource-based policy whose actions are all sts actions.</summary>
    Trust,
}
