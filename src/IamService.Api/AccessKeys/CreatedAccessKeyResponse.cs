namespace IamService.Api.AccessKeys;

/// <summary>A new key with its secret: the only answer that ever carries the secret.</summary>
public sealed record CreatedAccessKeyResponse(
    string UserName,
    string AccessKeyId,
    AccessKeyStatus Status,
    string SecretAccessKey,
    DateTimeOffset CreateDate);
