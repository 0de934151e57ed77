namespace IamService.Policies;

/// <summary>
/// A statement ready to evaluate. It answers only "does this statement apply to the request"; what its effect
/// means for the decision is <see cref="DecisionTable"/>'s business.
/// </summary>
internal sealed class CompiledStatement
{
    public CompiledStatement(PolicyStatement statement, PolicySource source, bool variables)
    {
        Index = statement.Index;
        Effect = statement.Effect;
        IsNotAction = statement.IsNotAction;
        Actions = [.. statement.Actions.Select(ActionPattern.Parse)];
        Principal = statement.Principal is null ? null : new PrincipalMatcher(statement.Principal);
        IsNotPrincipal = statement.IsNotPrincipal;
        Resources = [.. statement.Resources.Select(r => ArnPattern.Compile(r, variables))];
        IsNotResource = statement.IsNotResource;
        Gate = ResourceGate.Create(statement.Resources, statement.IsNotResource);
        Conditions = [.. statement.Conditions.Select(c => new CompiledCondition(c, variables))];
        Shortcut = Principal is null && Conditions.Length == 0
            ? ResourceShortcut.Create(statement.Resources, statement.IsNotResource)
            : default;
        ResourcesHaveVariables = Resources.Any(r => r.VariableKeys.Any());
        References = [.. Enum.GetValues<PolicySlot>()
            .Select(slot => new MatchedStatement(source, slot, statement.Index, statement.Sid, statement.Effect))];
    }

    public int Index { get; }

    public PolicyEffect Effect { get; }

    public bool IsNotAction { get; }

    public ActionPattern[] Actions { get; }

    public ResourceGate Gate { get; }

    /// <summary>Decides the statement from its Resource values when it has no principal and no condition.</summary>
    public ResourceShortcut Shortcut { get; }

    public bool HasConditions => Conditions.Length > 0;

    /// <summary>The statement as the explaining path reports it, built once for each slot, by slot.</summary>
    public MatchedStatement[] References { get; }

    /// <summary>Whether a Resource or NotResource value reads a policy variable.</summary>
    public bool ResourcesHaveVariables { get; }

    private PrincipalMatcher? Principal { get; }

    private bool IsNotPrincipal { get; }

    /// <summary>Empty only in a trust policy, whose statements apply to the role they are attached to.</summary>
    private ArnPattern[] Resources { get; }

    private bool IsNotResource { get; }

    private CompiledCondition[] Conditions { get; }

    /// <summary>
    /// Checks principal, resource and conditions; the action was checked by the <see cref="StatementCandidate"/>
    /// that led here. <paramref name="principal"/> says how a resource-based statement named the caller.
    /// </summary>
    public StatementOutcome Match(in AccessRequest request, EvaluationTrace? trace, out PrincipalMatch principal)
    {
        principal = MatchPrincipal(request.Principal);
        if (principal == PrincipalMatch.None || !MatchResource(in request, trace))
        {
            return StatementOutcome.DoesNotApply;
        }

        // Conditions are ANDed (IAM: "Condition"). A false condition settles it even when another cannot be
        // evaluated, so the answer does not depend on the order conditions are written in. The fast path stops
        // at the first false; the explaining path visits them all to report every missing key.
        var outcome = StatementOutcome.Applies;
        foreach (var condition in Conditions)
        {
            switch (condition.Evaluate(in request, trace))
            {
                case ConditionOutcome.False when trace is null:
                    return StatementOutcome.DoesNotApply;
                case ConditionOutcome.False:
                    outcome = StatementOutcome.DoesNotApply;
                    break;
                case ConditionOutcome.Error when outcome == StatementOutcome.Applies:
                    outcome = StatementOutcome.Error;
                    break;
            }
        }

        return outcome;
    }

    private PrincipalMatch MatchPrincipal(RequestPrincipal caller)
    {
        if (Principal is null)
        {
            // Identity-based policies name no principal: they apply to whoever they are attached to.
            return PrincipalMatch.Direct;
        }

        var match = Principal.Match(caller);
        if (!IsNotPrincipal)
        {
            return match;
        }

        // IAM "NotPrincipal": the statement applies to every principal except those listed.
        return match == PrincipalMatch.None ? PrincipalMatch.Indirect : PrincipalMatch.None;
    }

    private bool MatchResource(in AccessRequest request, EvaluationTrace? trace)
    {
        if (Resources.Length == 0)
        {
            return true;
        }

        var any = false;
        foreach (var resource in Resources)
        {
            if (resource.IsMatch(request.Resource, in request, trace))
            {
                any = true;
                break;
            }
        }

        // IAM "NotResource": the statement applies to every resource except those listed.
        return any != IsNotResource;
    }
}
