namespace IamService.Api.Policies;

/// <summary>A group that uses a managed policy (IAM PolicyGroup).</summary>
/// <param name="GroupName" example="Developers">The group's name.</param>
/// <param name="GroupId" example="AGPAJQABLZS4A3QDU576Q">The group's unique id.</param>
public sealed record PolicyGroupResponse(string GroupName, string GroupId);
