namespace IamService.Api.Policies;

/// <summary>A role that uses a managed policy (IAM PolicyRole).</summary>
/// <param name="RoleName" example="ReportReader">The role's name.</param>
/// <param name="RoleId" example="AROADBQP57FF2AEXAMPLE">The role's unique id.</param>
public sealed record PolicyRoleResponse(string RoleName, string RoleId);
