namespace IamService.Api.AccessKeys;

/// <summary>When and for what a key was last used (IAM GetAccessKeyLastUsed).</summary>
public sealed record AccessKeyLastUsedResponse(string UserName, AccessKeyLastUsed AccessKeyLastUsed);
