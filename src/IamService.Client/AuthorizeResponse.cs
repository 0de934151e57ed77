namespace IamService.Client;

/// <summary>IamService's decision and the statements that made it.</summary>
/// <param name="Decision"><see cref="IamDecision.Allowed"/>, <see cref="IamDecision.ExplicitDeny"/> or
/// <see cref="IamDecision.ImplicitDeny"/>.</param>
/// <param name="MissingContextValues">Condition keys the policies asked for that the request did not have.</param>
public sealed record AuthorizeResponse(
    string Decision,
    IReadOnlyList<MatchedStatement> MatchedStatements,
    IReadOnlyList<string> MissingContextValues)
{
    public bool IsAllowed => Decision == IamDecision.Allowed;
}
