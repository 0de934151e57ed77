using System.Collections.Frozen;

namespace IamService.Policies;

/// <summary>
/// A parsed condition operator name such as <c>ForAnyValue:StringLikeIfExists</c>: the operator, its set
/// qualifier and whether the IfExists suffix was given.
/// </summary>
public readonly record struct ConditionOperator(ConditionOperatorKind Kind, SetQualifier Qualifier, bool IfExists)
{
    private const string ForAllValuesPrefix = "ForAllValues:";
    private const string ForAnyValuePrefix = "ForAnyValue:";
    private const string IfExistsSuffix = "IfExists";

    private static readonly FrozenDictionary<string, ConditionOperatorKind> Names =
        Enum.GetValues<ConditionOperatorKind>().ToFrozenDictionary(kind => kind.ToString(), StringComparer.Ordinal);

    /// <summary>
    /// True for the negated operators (StringNotEquals, NumericNotEquals, NotIpAddress, ArnNotLike...). IAM:
    /// several values under a negated operator are combined with NOR, and the condition is true when the key
    /// is absent from the request.
    /// </summary>
    public bool IsNegated => Kind is ConditionOperatorKind.StringNotEquals
        or ConditionOperatorKind.StringNotEqualsIgnoreCase
        or ConditionOperatorKind.StringNotLike
        or ConditionOperatorKind.NumericNotEquals
        or ConditionOperatorKind.DateNotEquals
        or ConditionOperatorKind.NotIpAddress
        or ConditionOperatorKind.ArnNotEquals
        or ConditionOperatorKind.ArnNotLike;

    internal OperatorFamily Family => Kind switch
    {
        <= ConditionOperatorKind.StringNotLike => OperatorFamily.String,
        <= ConditionOperatorKind.NumericGreaterThanEquals => OperatorFamily.Numeric,
        <= ConditionOperatorKind.DateGreaterThanEquals => OperatorFamily.Date,
        ConditionOperatorKind.Bool => OperatorFamily.Bool,
        ConditionOperatorKind.BinaryEquals => OperatorFamily.Binary,
        ConditionOperatorKind.IpAddress or ConditionOperatorKind.NotIpAddress => OperatorFamily.Ip,
        ConditionOperatorKind.Null => OperatorFamily.Null,
        _ => OperatorFamily.Arn,
    };

    /// <summary>
    /// Reads an operator name. Names are matched exactly as IAM documents them; the qualifier prefix and the
    /// IfExists suffix are optional.
    /// </summary>
    public static bool TryParse(string text, out ConditionOperator result)
    {
        ArgumentNullException.ThrowIfNull(text);

        var name = text.AsSpan();
        var qualifier = SetQualifier.None;
        if (name.StartsWith(ForAllValuesPrefix, StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAllValues;
            name = name[ForAllValuesPrefix.Length..];
        }
        else if (name.StartsWith(ForAnyValuePrefix, StringComparison.Ordinal))
        {
            qualifier = SetQualifier.ForAnyValue;
            name = name[ForAnyValuePrefix.Length..];
        }

        var ifExists = name.Length > IfExistsSuffix.Length && name.EndsWith(IfExistsSuffix, StringComparison.Ordinal);
        if (ifExists)
        {
            name = name[..^IfExistsSuffix.Length];
        }

        var lookup = Names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!lookup.TryGetValue(name, out var kind))
        {
            result = default;
            return false;
        }

        result = new ConditionOperator(kind, qualifier, ifExists);
        return true;
    }

    public override string ToString()
    {
        var prefix = Qualifier switch
        {
            SetQualifier.ForAllValues => ForAllValuesPrefix,
            SetQualifier.ForAnyValue => ForAnyValuePrefix,
            _ => string.Empty,
        };
        return prefix + Kind.ToString() + (IfExists ? IfExistsSuffix : string.Empty);
    }
}
