using System.Collections.Immutable;

namespace IamService.Policies;

/// <summary>
/// One operator/key pair of a Condition block with its values. The values are ORed (NORed for a negated
/// operator); clauses of one statement are ANDed.
/// </summary>
public sealed record ConditionClause(ConditionOperator Operator, string Key, ImmutableArray<string> Values);
