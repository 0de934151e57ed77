namespace IamService.Api.Policies;

/// <summary>A user that uses a managed policy (IAM PolicyUser).</summary>
/// <param name="UserName" example="alice">The user's name.</param>
/// <param name="UserId" example="AIDAJQABLZS4A3QDU576Q">The user's unique id.</param>
public sealed record PolicyUserResponse(string UserName, string UserId);
