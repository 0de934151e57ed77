namespace IamService.Api.Policies;

/// <summary>How a managed policy is used: as a permissions policy, and as a permissions boundary.</summary>
public sealed record PolicyUsage(string PolicyId, int AttachmentCount, int PermissionsBoundaryUsageCount)
{
    public static PolicyUsage None(string policyId) => new(policyId, 0, 0);
}
