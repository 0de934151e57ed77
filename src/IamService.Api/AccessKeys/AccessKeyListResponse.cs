namespace IamService.Api.AccessKeys;

/// <summary>A user's keys; never more than two, so never truncated.</summary>
public sealed record AccessKeyListResponse(IReadOnlyList<AccessKeyMetadataResponse> AccessKeyMetadata)
{
    public bool IsTruncated => false;
}
