namespace IamService.Api.AccessKeys;

/// <summary>Whether a key can be used (IAM's statusType).</summary>
public enum AccessKeyStatus
{
    Active,
    Inactive,
}
