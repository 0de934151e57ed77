using System.Globalization;
using System.Numerics;

namespace IamService.Policies;

/// <summary>
/// The positive comparison of one operator family: does a request value match any of the policy's values.
/// Negation, set qualifiers and missing keys are handled by <see cref="CompiledCondition"/>.
/// </summary>
internal abstract class ValueTest
{
    public abstract ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace);

    public static ValueTest Create(ConditionClause clause, bool variables)
    {
        var kind = clause.Operator.Kind;
        var values = clause.Values;
        return clause.Operator.Family switch
        {
            OperatorFamily.String => new StringTest(
                [.. values.Select(v => TextPattern.Compile(v, StringSyntax(kind, variables)))]),
            OperatorFamily.Arn => new ArnTest([.. values.Select(v => ArnPattern.Compile(v, variables))]),
            OperatorFamily.Numeric => new OrderedTest<double>(
                [.. values.Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))],
                Comparison(kind - ConditionOperatorKind.NumericEquals),
                static v => (v.HasNumber, v.Number)),
            OperatorFamily.Date => new OrderedTest<long>(
                [.. values.Select(v => ConditionValues.TryParseDate(v, out var ticks) ? ticks : 0)],
                Comparison(kind - ConditionOperatorKind.DateEquals),
                static v => (v.HasDate, v.DateTicks)),
            OperatorFamily.Bool => new BoolTest(
                [.. values.Select(v => ConditionValues.TryParseBoolean(v, out var b) && b)]),
            OperatorFamily.Binary => new BinaryTest([.. values.Select(v => ConditionValues.TryParseBase64(v)!)]),
            OperatorFamily.Ip => new IpTest([.. values.Select(v => IpNetwork.TryParse(v, out var n) ? n : default)]),
            _ => throw new ArgumentException($"{kind} has no value test.", nameof(clause)),
        };
    }

    private static PatternSyntax StringSyntax(ConditionOperatorKind kind, bool variables)
    {
        var syntax = variables ? PatternSyntax.Variables : PatternSyntax.Exact;
        return kind switch
        {
            ConditionOperatorKind.StringLike or ConditionOperatorKind.StringNotLike => syntax | PatternSyntax.Wildcards,
            ConditionOperatorKind.StringEqualsIgnoreCase or ConditionOperatorKind.StringNotEqualsIgnoreCase =>
                syntax | PatternSyntax.IgnoreCase,
            _ => syntax,
        };
    }

    // The six numeric and six date operators are declared in the same order: Equals, NotEquals, LessThan,
    // LessThanEquals, GreaterThan, GreaterThanEquals. NotEquals is the negation of Equals.
    private static OrderedComparison Comparison(int offset) => offset switch
    {
        0 or 1 => OrderedComparison.Equal,
        2 => OrderedComparison.Less,
        3 => OrderedComparison.LessOrEqual,
        4 => OrderedComparison.Greater,
        _ => OrderedComparison.GreaterOrEqual,
    };

    private sealed class StringTest(TextPattern[] patterns) : ValueTest
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(value.Text, in request, trace))
                {
                    return ValueMatch.Match;
                }
            }

            return ValueMatch.NoMatch;
        }
    }

    private sealed class ArnTest(ArnPattern[] patterns) : ValueTest
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            foreach (var pattern in patterns)
            {
                if (pattern.IsMatch(value.Text, in request, trace))
                {
                    return ValueMatch.Match;
                }
            }

            return ValueMatch.NoMatch;
        }
    }

    /// <summary>Numbers and dates: the request value on the left, the policy value on the right.</summary>
    private sealed class OrderedTest<T>(
        T[] policyValues,
        OrderedComparison comparison,
        Func<ContextValue, (bool Has, T Value)> read) : ValueTest
        where T : INumber<T>
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            var (has, actual) = read(value);
            if (!has)
            {
                return ValueMatch.Error;
            }

            foreach (var expected in policyValues)
            {
                var match = comparison switch
                {
                    OrderedComparison.Equal => actual == expected,
                    OrderedComparison.Less => actual < expected,
                    OrderedComparison.LessOrEqual => actual <= expected,
                    OrderedComparison.Greater => actual > expected,
                    _ => actual >= expected,
                };
                if (match)
                {
                    return ValueMatch.Match;
                }
            }

            return ValueMatch.NoMatch;
        }
    }

    private sealed class BoolTest(bool[] policyValues) : ValueTest
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            if (!value.HasBoolean)
            {
                return ValueMatch.Error;
            }

            return Array.IndexOf(policyValues, value.Boolean) >= 0 ? ValueMatch.Match : ValueMatch.NoMatch;
        }
    }

    private sealed class BinaryTest(byte[][] policyValues) : ValueTest
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            if (value.Binary is not { } actual)
            {
                return ValueMatch.Error;
            }

            foreach (var expected in policyValues)
            {
                if (actual.AsSpan().SequenceEqual(expected))
                {
                    return ValueMatch.Match;
                }
            }

            return ValueMatch.NoMatch;
        }
    }

    private sealed class IpTest(IpNetwork[] networks) : ValueTest
    {
        public override ValueMatch Test(ContextValue value, in AccessRequest request, EvaluationTrace? trace)
        {
            if (!value.HasIp)
            {
                return ValueMatch.Error;
            }

            foreach (var network in networks)
            {
                if (network.Contains(value.Ip))
                {
                    return ValueMatch.Match;
                }
            }

            return ValueMatch.NoMatch;
        }
    }

    private enum OrderedComparison
    {
        Equal,
        Less,
        LessOrEqual,
        Greater,
        GreaterOrEqual,
    }
}
