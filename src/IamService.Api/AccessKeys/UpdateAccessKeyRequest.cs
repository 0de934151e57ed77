namespace IamService.Api.AccessKeys;

/// <summary>Turns a key on or off (IAM UpdateAccessKey).</summary>
/// <example>{"status": "Inactive"}</example>
public sealed record UpdateAccessKeyRequest(AccessKeyStatus Status);
