namespace IamService.Api.Policies;

public sealed record PolicyUserResponse(string UserName, string UserId);
