namespace IamService.Api.Simulator;

/// <summary>The answer of a simulation: one result per action and resource, actions first.</summary>
public sealed record SimulationResponse(IReadOnlyList<EvaluationResultResponse> EvaluationResults);

/// <summary>The decision for one action on one resource, and what decided it.</summary>
/// <param name="EvalActionName" example="s3:GetObject">The simulated action.</param>
/// <param name="EvalResourceName" example="arn:aws:s3:::reports/q1.csv">The simulated resource.</param>
/// <param name="EvalDecision" example="allowed"><c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</param>
public sealed record EvaluationResultResponse(
    string EvalActionName,
    string EvalResourceName,
    string EvalDecision,
    IReadOnlyList<MatchedStatementResponse> MatchedStatements,
    IReadOnlyList<string> MissingContextValues,
    PermissionsBoundaryDecisionDetail? PermissionsBoundaryDecisionDetail);

/// <summary>A statement that decided a result, named by its policy and position; never its text.</summary>
/// <param name="SourcePolicyType">
/// Where the policy sat: <c>identity</c>, <c>permissionsBoundary</c>, <c>session</c> or <c>resource</c>.
/// </param>
public sealed record MatchedStatementResponse(
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

/// <summary>Whether the permissions boundary allowed the action; absent when no boundary was simulated.</summary>
public sealed record PermissionsBoundaryDecisionDetail(bool AllowedByPermissionsBoundary);
