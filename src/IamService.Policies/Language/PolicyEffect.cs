namespace IamService.Policies;

/// <summary>The effect of a policy statement.</summary>
public enum PolicyEffect
{
    Allow,
    Deny,
}
