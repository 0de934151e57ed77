namespace IamService.Api.Policies;

public sealed record PolicyGroupResponse(string GroupName, string GroupId);
