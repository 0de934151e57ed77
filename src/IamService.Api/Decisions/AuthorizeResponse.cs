using IamService.Api.Simulator;

namespace IamService.Api.Decisions;

/// <summary>The decision and what made it.</summary>
/// <param name="Decision" example="allowed"><c>allowed</c>, <c>explicitDeny</c> or <c>implicitDeny</c>.</param>
/// <param name="MissingContextValues">Condition keys the policies asked for that the request did not have.</param>
public sealed record AuthorizeResponse(
    string Decision,
    IReadOnlyList<MatchedStatementResponse> MatchedStatements,
    IReadOnlyList<string> MissingContextValues);

/// <summary>
/// One answer per request, in the order asked; an answer is a decision or the problem of that request.
/// </summary>
public sealed record AuthorizeBatchResponse(IReadOnlyList<AuthorizeBatchResult> Results);

/// <summary>Either a decision or, for a request that could not be decided, its error code and message.</summary>
public sealed record AuthorizeBatchResult
{
    public AuthorizeResponse? Result { get; init; }

    /// <example>NoSuchEntity</example>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
