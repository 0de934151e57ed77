namespace IamService.Api.AccessKeys;

/// <summary>A key's last use; a key never used has no date and the service name <c>N/A</c>, as in IAM.</summary>
public sealed record AccessKeyLastUsed(DateTimeOffset? LastUsedDate, string ServiceName)
{
    public const string NeverUsed = "N/A";
}
