namespace IamService.Policies;

/// <summary>Runs the statements of one slot's policies against a request and sums up their effects.</summary>
internal static class PolicyScanner
{
    /// <summary>
    /// Without a trace this stops at the first matching Deny, which already settles the decision; with one it
    /// visits every statement to record all that matched.
    /// </summary>
    public static ScanResult Scan(
        StatementIndex index,
        PolicySlot slot,
        in AccessRequest request,
        EvaluationTrace? trace)
    {
        // Limitation: large sets miss the 1 us decision target on the shared build machine (docs/benchmarks.md).
        var result = ScanResult.None;
        var candidates = index.Find(in request, out var actionMatched);
        foreach (ref readonly var candidate in candidates.AsSpan())
        {
            // The gate only ever rules out statements whose resource cannot match. The explaining path skips it so
            // that it reads every statement's variables exactly as before and reports the same missing keys.
            if ((trace is null && !candidate.Gate.Admits(request.Resource))
                || (!actionMatched && !candidate.MatchesAction(in request)))
            {
                continue;
            }

            var statement = candidate.Statement;
            var outcome = statement.Match(in request, trace, out var principal);
            if (outcome == StatementOutcome.DoesNotApply)
            {
                continue;
            }

            if (outcome == StatementOutcome.Error)
            {
                result |= ScanResult.Error;
                trace?.Failed.Add(statement.Reference with { Slot = slot });
                continue;
            }

            trace?.Matched.Add(statement.Reference with { Slot = slot });
            if (statement.Effect == PolicyEffect.Deny)
            {
                result |= ScanResult.Deny;
                if (trace is null)
                {
                    return result;
                }

                continue;
            }

            result |= ScanResult.Allow;
            if (slot == PolicySlot.Resource)
            {
                result |= principal switch
                {
                    PrincipalMatch.Direct => ScanResult.GrantingAllow | ScanResult.DirectAllow,
                    PrincipalMatch.Indirect => ScanResult.GrantingAllow,
                    _ => ScanResult.None,
                };
            }
        }

        return result;
    }
}
