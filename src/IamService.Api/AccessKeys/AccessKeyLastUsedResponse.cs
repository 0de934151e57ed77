namespace IamService.Api.AccessKeys;

/// <summary>When and for what a key was last used (IAM GetAccessKeyLastUsed).</summary>
/// <param name="UserName" example="alice">The key's user.</param>
/// <param name="AccessKeyLastUsed">The last use.</param>
public sealed record AccessKeyLastUsedResponse(string UserName, AccessKeyLastUsed AccessKeyLastUsed);
