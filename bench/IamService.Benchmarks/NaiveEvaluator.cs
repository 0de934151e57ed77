using IamService.Policies;

namespace IamService.Benchmarks;

/// <summary>
/// The baseline for <see cref="DecisionBenchmarks"/>: the same compiled statements, read one after another in
/// policy order with no index and no resource gate, each Action value compared in full. It decides identity
/// policies alone (the synthetic account has nothing else), with the same rule: a matching Deny wins, a
/// statement that failed to evaluate fails closed, then a matching Allow allows.
/// </summary>
public sealed class NaiveEvaluator
{
    private readonly CompiledStatement[] _statements;

    public NaiveEvaluator(PolicySet set)
    {
        ArgumentNullException.ThrowIfNull(set);

        // Every statement sits in the list of each service it names, or with the other services when an Action
        // value has a wildcard service part; together the lists hold every statement at least once.
        _statements = [.. set.IdentityPolicies
            .SelectMany(policy => policy.Index.Services
                .SelectMany(service => policy.Index.Find(service))
                .Concat(policy.Index.OtherServices)
                .Select(candidate => candidate.Statement)
                .Distinct()
                .OrderBy(statement => statement.Index))];
    }

    public int StatementCount => _statements.Length;

    public PolicyDecision Decide(in AccessRequest request)
    {
        var service = request.Action.AsSpan(0, request.Action.IndexOf(':', StringComparison.Ordinal));
        var name = request.Action.AsSpan(service.Length + 1);
        var allowed = false;
        var failed = false;
        foreach (var statement in _statements)
        {
            if (!MatchesAction(statement, service, name))
            {
                continue;
            }

            switch (statement.Match(in request, trace: null, out _))
            {
                case StatementOutcome.Applies when statement.Effect == PolicyEffect.Deny:
                    return PolicyDecision.ExplicitDeny;
                case StatementOutcome.Applies:
                    allowed = true;
                    break;
                case StatementOutcome.Error:
                    failed = true;
                    break;
            }
        }

        return allowed && !failed ? PolicyDecision.Allowed : PolicyDecision.ImplicitDeny;
    }

    private static bool MatchesAction(CompiledStatement statement, ReadOnlySpan<char> service, ReadOnlySpan<char> name)
    {
        var matched = false;
        foreach (var action in statement.Actions)
        {
            if (action.IsMatch(service, name))
            {
                matched = true;
                break;
            }
        }

        return matched != statement.IsNotAction;
    }
}
