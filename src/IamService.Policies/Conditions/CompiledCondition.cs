namespace IamService.Policies;

/// <summary>
/// One condition clause ready to evaluate: the key resolved, the policy values parsed, the operator's rules for
/// negation, set qualifiers, IfExists and missing keys applied here.
/// </summary>
internal sealed class CompiledCondition
{
    private readonly ConditionOperator _operator;
    private readonly ValueTest? _test;
    private readonly bool _nullAcceptsAbsent;
    private readonly bool _nullAcceptsPresent;

    public CompiledCondition(ConditionClause clause, bool variables)
    {
        _operator = clause.Operator;
        Key = ContextKeyRef.Create(clause.Key);
        if (clause.Operator.Kind == ConditionOperatorKind.Null)
        {
            // IAM "Condition operator to check existence of condition keys": "true" asks for the key to be
            // absent, "false" for it to be present; several values are ORed like any other operator's.
            foreach (var value in clause.Values)
            {
                var absent = ConditionValues.TryParseBoolean(value, out var b) && b;
                _nullAcceptsAbsent |= absent;
                _nullAcceptsPresent |= !absent;
            }
        }
        else
        {
            _test = ValueTest.Create(clause, variables);
        }
    }

    public ContextKeyRef Key { get; }

    public ConditionOutcome Evaluate(in AccessRequest request, EvaluationTrace? trace)
    {
        var present = ContextLookup.TryGetEntry(Key, in request, out var entry) && entry.Values.Length > 0;
        if (!present)
        {
            trace?.AddMissingKey(Key.Name);
        }

        if (_test is null)
        {
            return ToOutcome(present ? _nullAcceptsPresent : _nullAcceptsAbsent);
        }

        if (!present)
        {
            return ToOutcome(_operator switch
            {
                // IAM "...IfExists": when the key is absent the condition is true.
                { IfExists: true } => true,
                // IAM "Multivalued context keys": ForAllValues is true on a missing or empty key ...
                { Qualifier: SetQualifier.ForAllValues } => true,
                // ... and ForAnyValue is false.
                { Qualifier: SetQualifier.ForAnyValue } => false,
                // IAM "Condition operators": a key absent from the request does not match, so a negated
                // operator (StringNotEquals, NotIpAddress, ArnNotLike...) is true and any other is false.
                _ => _operator.IsNegated,
            });
        }

        return _operator.Qualifier switch
        {
            SetQualifier.ForAllValues => All(entry!.Values, in request, trace),
            SetQualifier.ForAnyValue => Any(entry!.Values, in request, trace),
            _ => Single(entry!.Values, in request, trace),
        };
    }

    /// <summary>
    /// No qualifier: the key matches when any request value matches any policy value; a negated operator is
    /// true when none does (IAM: values under a negated operator are NORed). A multivalued key used without a
    /// qualifier is read the same way, as IAM's single-valued operators are documented to match on any value.
    /// </summary>
    private ConditionOutcome Single(ContextValue[] values, in AccessRequest request, EvaluationTrace? trace)
    {
        var matched = false;
        foreach (var value in values)
        {
            var match = _test!.Test(value, in request, trace);
            if (match == ValueMatch.Error)
            {
                return ConditionOutcome.Error;
            }

            matched |= match == ValueMatch.Match;
        }

        return ToOutcome(matched != _operator.IsNegated);
    }

    /// <summary>ForAnyValue: at least one request value satisfies the (possibly negated) operator.</summary>
    private ConditionOutcome Any(ContextValue[] values, in AccessRequest request, EvaluationTrace? trace)
    {
        var satisfied = false;
        foreach (var value in values)
        {
            var match = _test!.Test(value, in request, trace);
            if (match == ValueMatch.Error)
            {
                return ConditionOutcome.Error;
            }

            satisfied |= (match == ValueMatch.Match) != _operator.IsNegated;
        }

        return ToOutcome(satisfied);
    }

    /// <summary>ForAllValues: every request value satisfies the (possibly negated) operator.</summary>
    private ConditionOutcome All(ContextValue[] values, in AccessRequest request, EvaluationTrace? trace)
    {
        var satisfied = true;
        foreach (var value in values)
        {
            var match = _test!.Test(value, in request, trace);
            if (match == ValueMatch.Error)
            {
                return ConditionOutcome.Error;
            }

            satisfied &= (match == ValueMatch.Match) != _operator.IsNegated;
        }

        return ToOutcome(satisfied);
    }

    private static ConditionOutcome ToOutcome(bool value) => value ? ConditionOutcome.True : ConditionOutcome.False;
}
