namespace IamService.Client;

/// <summary>A statement that decided: the policy it sits in, and where that policy is attached.</summary>
/// <param name="SourcePolicyType"><c>identity</c>, <c>permissionsBoundary</c>, <c>session</c> or
/// <c>resource</c>.</param>
public sealed record MatchedStatement(
    string SourcePolicyId,
    string SourcePolicyType,
    int StatementIndex,
    string? Sid,
    string Effect)
{
    public string? PolicyArn { get; init; }

    public string? VersionId { get; init; }

    public string? PolicyName { get; init; }

    public string? OwnerName { get; init; }

    public string? GroupName { get; init; }
}
