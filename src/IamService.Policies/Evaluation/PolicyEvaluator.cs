namespace IamService.Policies;

/// <summary>
/// Decides requests against a <see cref="PolicySet"/>. <see cref="Decide"/> is the allocation-free fast path;
/// <see cref="Evaluate"/> returns the same decision with the statements, missing keys and reason behind it.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>The decision alone. Allocates nothing; stops at the first matching Deny.</summary>
    public static PolicyDecision Decide(in AccessRequest request, PolicySet policies)
    {
        Guard(in request, policies);

        var facts = Gather(in request, policies, trace: null);
        return DecisionTable.Decide(in facts).Decision;
    }

    /// <summary>
    /// The decision and what explains it. Visits every statement that can apply to the request's action, skipping
    /// only those whose resource gate rules them out and whose Resource values read no policy variable.
    /// </summary>
    public static EvaluationResult Evaluate(in AccessRequest request, PolicySet policies)
    {
        Guard(in request, policies);

        var trace = new EvaluationTrace();
        var facts = Gather(in request, policies, trace);
        var (decision, reason) = DecisionTable.Decide(in facts);
        var deciding = reason switch
        {
            DenialReason.EvaluationError => trace.Failed,
            _ when decision == PolicyDecision.ExplicitDeny => trace.Matched(PolicyEffect.Deny),
            _ => trace.Matched(PolicyEffect.Allow),
        };

        return new EvaluationResult(
            decision,
            reason,
            deciding,
            trace.MissingKeys,
            DecisionTable.Allows(facts.Boundary),
            DecisionTable.Allows(facts.Session));
    }

    private static EvaluationFacts Gather(in AccessRequest request, PolicySet policies, EvaluationTrace? trace)
    {
        var resourcePolicy = policies.ResourcePolicy;
        var sameAccount = resourcePolicy is null || resourcePolicy.OwnerAccountId == request.Principal.AccountId;

        var identity = PolicyScanner.Scan(policies.IdentityIndex, PolicySlot.Identity, in request, trace);
        if (trace is null && (identity & ScanResult.Deny) != 0)
        {
            return new EvaluationFacts(identity, ScanResult.None, null, null, sameAccount);
        }

        var resource = resourcePolicy is null
            ? ScanResult.None
            : PolicyScanner.Scan(resourcePolicy.Policy.Index, PolicySlot.Resource, in request, trace);
        ScanResult? boundary = policies.PermissionsBoundary is { } boundaryPolicy
            ? PolicyScanner.Scan(boundaryPolicy.Index, PolicySlot.PermissionsBoundary, in request, trace)
            : null;
        ScanResult? session = policies.SessionIndex is { } sessionIndex
            ? PolicyScanner.Scan(sessionIndex, PolicySlot.Session, in request, trace)
            : null;
        return new EvaluationFacts(identity, resource, boundary, session, sameAccount);
    }

    private static void Guard(in AccessRequest request, PolicySet policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        if (!request.IsInitialized)
        {
            throw new ArgumentException("The request was not created with its constructor.", nameof(request));
        }
    }
}
