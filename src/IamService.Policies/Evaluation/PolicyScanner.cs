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
        // Limitation: large sets meet the 1 us target only when the shared build machine is not heavily loaded.
        if (trace is null && index.TryFindEntries(in request, out var entries))
        {
            return Scan(entries, slot, in request);
        }

        var result = ScanResult.None;
        var candidates = index.Find(in request, out var actionMatched);
        var resource = request.Resource;
        var resourcePartStart = ResourceGate.ResourcePartStart(resource);
        foreach (ref readonly var candidate in candidates.AsSpan())
        {
            // The gate only ever rules out statements whose resource cannot match. The explaining path does not use
            // it on Resource values with variables, so that it still reports the keys those variables miss.
            if (((trace is null || candidate.GateExplains) && !candidate.Gate.Admits(resource, resourcePartStart))
                || (!actionMatched && !candidate.MatchesAction(in request)))
            {
                continue;
            }

            var statement = candidate.Statement;
            PrincipalMatch principal;
            StatementOutcome outcome;
            if (statement.Shortcut.IsAvailable)
            {
                // No principal, no condition and no variable: the shortcut decides, and there is nothing to trace.
                principal = PrincipalMatch.Direct;
                outcome = statement.Shortcut.Matches(resource)
                    ? StatementOutcome.Applies
                    : StatementOutcome.DoesNotApply;
            }
            else
            {
                outcome = statement.Match(in request, trace, out principal);
            }

            if (outcome == StatementOutcome.DoesNotApply)
            {
                continue;
            }

            if (outcome == StatementOutcome.Error)
            {
                result |= ScanResult.Error;
                trace?.AddFailed(statement.References[(int)slot]);
                continue;
            }

            trace?.AddMatched(statement.References[(int)slot]);
            if (statement.Effect == PolicyEffect.Deny)
            {
                result |= ScanResult.Deny;
                if (trace is null)
                {
                    return result;
                }

                continue;
            }

            result |= Allow(slot, principal);
        }

        return result;
    }

    /// <summary>
    /// The fast path for an action some statement names literally. The entries come Deny first, then Allow with
    /// conditions, then Allow without: the effects add up the same in any order, but this one stops at the first
    /// Deny that applies, and, outside a resource-based policy where only whether something allows counts, at the
    /// first unconditional Allow once the slot allows. An entry with a shortcut is decided without reading its
    /// statement.
    /// </summary>
    private static ScanResult Scan(ReadOnlySpan<DecisionEntry> entries, PolicySlot slot, in AccessRequest request)
    {
        var result = ScanResult.None;
        var resource = request.Resource;
        var resourcePartStart = ResourceGate.ResourcePartStart(resource);
        var enough = slot != PolicySlot.Resource;
        foreach (ref readonly var entry in entries)
        {
            if (enough && !entry.CanFail && !entry.IsDeny && (result & ScanResult.Allow) != 0)
            {
                return result;
            }

            if (!entry.Gate.Admits(resource, resourcePartStart))
            {
                continue;
            }

            PrincipalMatch principal;
            if (entry.Shortcut.IsAvailable)
            {
                if (!entry.Shortcut.Matches(resource))
                {
                    continue;
                }

                // A statement with a shortcut names no principal, and applies to whoever it is attached to.
                principal = PrincipalMatch.Direct;
            }
            else
            {
                var outcome = entry.Statement.Match(in request, trace: null, out principal);
                if (outcome == StatementOutcome.DoesNotApply)
                {
                    continue;
                }

                if (outcome == StatementOutcome.Error)
                {
                    result |= ScanResult.Error;
                    continue;
                }
            }

            if (entry.IsDeny)
            {
                return result | ScanResult.Deny;
            }

            result |= Allow(slot, principal);
        }

        return result;
    }

    /// <summary>What a matching Allow adds; for a resource-based policy, what its principal names.</summary>
    private static ScanResult Allow(PolicySlot slot, PrincipalMatch principal) => slot != PolicySlot.Resource
        ? ScanResult.Allow
        : ScanResult.Allow | principal switch
        {
            PrincipalMatch.Direct => ScanResult.GrantingAllow | ScanResult.DirectAllow,
            PrincipalMatch.Indirect => ScanResult.GrantingAllow,
            _ => ScanResult.None,
        };
}
