namespace IamService.Policies;

/// <summary>Where a compiled policy came from, so a decision can name it without showing its text.</summary>
public enum PolicySourceKind
{
    ManagedPolicy,
    UserInlinePolicy,
    GroupInlinePolicy,
    RoleInlinePolicy,
    SessionPolicy,
    ResourcePolicy,
    TrustPolicy,
}
