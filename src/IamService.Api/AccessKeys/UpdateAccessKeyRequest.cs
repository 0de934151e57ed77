namespace IamService.Api.AccessKeys;

/// <summary>Turns a key on or off (IAM UpdateAccessKey).</summary>
/// <param name="Status" example="Inactive"><c>Active</c> or <c>Inactive</c>.</param>
public sealed record UpdateAccessKeyRequest(AccessKeyStatus Status);
