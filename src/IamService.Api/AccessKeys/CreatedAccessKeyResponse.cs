namespace IamService.Api.AccessKeys;

/// <summary>A new key with its secret: the only answer that ever carries the secret.</summary>
/// <param name="UserName" example="alice">The key's user.</param>
/// <param name="AccessKeyId" example="AKIAIOSFODNN7EXAMPLE"><c>AKIA</c> and 16 characters of A-Z and 2-7.</param>
/// <param name="Status">A new key is <c>Active</c>.</param>
/// <param name="SecretAccessKey" example="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY">40 characters; shown only
/// here.</param>
/// <param name="CreateDate">When the key was made.</param>
public sealed record CreatedAccessKeyResponse(
    string UserName,
    string AccessKeyId,
    AccessKeyStatus Status,
    string SecretAccessKey,
    DateTimeOffset CreateDate);
