namespace IamService.Api.AccessKeys;

/// <summary>A key's last use; a key never used has no date and the service name <c>N/A</c>, as in IAM.</summary>
/// <param name="LastUsedDate">When; absent for a key never used.</param>
/// <param name="ServiceName" example="sts">The service the key was used with.</param>
public sealed record AccessKeyLastUsed(DateTimeOffset? LastUsedDate, string ServiceName)
{
    public const string NeverUsed = "N/A";
}
