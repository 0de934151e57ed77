using IamService.Data.Credentials;

namespace IamService.Api.AccessKeys;

/// <summary>A key as IAM's ListAccessKeys describes it: never its secret.</summary>
/// <param name="UserName" example="alice">The key's user.</param>
/// <param name="AccessKeyId" example="AKIAIOSFODNN7EXAMPLE">The key's id.</param>
/// <param name="Status"><c>Active</c> or <c>Inactive</c>.</param>
/// <param name="CreateDate">When the key was made.</param>
public sealed record AccessKeyMetadataResponse(
    string UserName,
    string AccessKeyId,
    AccessKeyStatus Status,
    DateTimeOffset CreateDate)
{
    public static AccessKeyMetadataResponse For(AccessKey key, string userName)
    {
        ArgumentNullException.ThrowIfNull(key);
        var status = key.IsActive ? AccessKeyStatus.Active : AccessKeyStatus.Inactive;
        return new AccessKeyMetadataResponse(userName, key.AccessKeyId, status, key.CreateDate);
    }
}
