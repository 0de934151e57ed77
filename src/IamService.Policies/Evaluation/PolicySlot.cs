namespace IamService.Policies;

/// <summary>The role a policy plays in one evaluation.</summary>
public enum PolicySlot
{
    Identity,
    PermissionsBoundary,
    Session,
    Resource,
}
