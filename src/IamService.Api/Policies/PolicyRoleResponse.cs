namespace IamService.Api.Policies;

public sealed record PolicyRoleResponse(string RoleName, string RoleId);
