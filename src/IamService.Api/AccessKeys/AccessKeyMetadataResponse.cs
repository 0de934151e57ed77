using IamService.Data.Credentials;

namespace IamService.Api.AccessKeys;

/// <summary>A key as IAM's ListAccessKeys describes it: never its secret.</summary>
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
