namespace IamService.Policies;

/// <summary>A decision with the facts that explain it.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(
        PolicyDecision decision,
        DenialReason reason,
        IReadOnlyList<MatchedStatement> matchedStatements,
        IReadOnlyList<string> missingContextKeys,
        bool? allowedByPermissionsBoundary,
        bool? allowedBySessionPolicies)
    {
        Decision = decision;
        Reason = reason;
        MatchedStatements = matchedStatements;
        MissingContextKeys = missingContextKeys;
        AllowedByPermissionsBoundary = allowedByPermissionsBoundary;
        AllowedBySessionPolicies = allowedBySessionPolicies;
    }

    public PolicyDecision Decision { get; }

    public bool IsAllowed => Decision == PolicyDecision.Allowed;

    /// <summary><see cref="DenialReason.None"/> when allowed.</summary>
    public DenialReason Reason { get; }

    /// <summary>
    /// The statements that decided: the matching Deny statements for an explicit deny, the statements that
    /// failed to evaluate for <see cref="DenialReason.EvaluationError"/>, otherwise the matching Allow statements
    /// (for an implicit deny, the allows that a boundary or session policy capped).
    /// </summary>
    public IReadOnlyList<MatchedStatement> MatchedStatements { get; }

    /// <summary>
    /// Context keys that conditions or variables of otherwise matching statements asked for and the request lacked.
    /// </summary>
    public IReadOnlyList<string> MissingContextKeys { get; }

    /// <summary>Whether the permissions boundary allows the request; null when there is no boundary.</summary>
    public bool? AllowedByPermissionsBoundary { get; }

    /// <summary>Whether the session policies allow the request; null when there are none.</summary>
    public bool? AllowedBySessionPolicies { get; }
}
