using System.Collections.Immutable;
using System.Text.Json;

namespace IamService.Policies;

/// <summary>
/// Reads a Condition block (IAM: "IAM JSON policy elements: Condition operators"): operator names, keys, and
/// values checked against the type their operator compares.
/// </summary>
internal sealed class ConditionReader(ProblemList problems, bool variables)
{
    public ImmutableArray<ConditionClause> Read(JsonElement value, string path, ref bool failed)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            failed = true;
            problems.Error(PolicyProblemCode.WrongType, path,
                "Condition must be an object of operators, such as {\"StringEquals\": {\"aws:username\": \"alice\"}}.");
            return [];
        }

        var clauses = new List<ConditionClause>();
        foreach (var property in PolicyReader.Properties(value, path, StringComparer.Ordinal, problems))
        {
            var operatorPath = ProblemList.Child(path, property.Name);
            if (!ConditionOperator.TryParse(property.Name, out var op))
            {
                failed = true;
                problems.Error(PolicyProblemCode.UnknownConditionOperator, operatorPath,
                    $"'{property.Name}' is not a condition operator; use one IAM defines, such as StringEquals, "
                    + "NumericLessThan, DateGreaterThan, Bool, BinaryEquals, IpAddress, ArnLike or Null, optionally "
                    + "prefixed with ForAllValues: or ForAnyValue: or suffixed with IfExists.");
                continue;
            }

            if (op is { Kind: ConditionOperatorKind.Null, IfExists: true })
            {
                // IAM "...IfExists": the suffix does not apply to Null, which already tests existence.
                problems.Warn(PolicyProblemCode.IfExistsOnNull, operatorPath,
                    "IfExists has no meaning on Null, which already tests whether the key exists; use Null.");
            }

            clauses.AddRange(ReadKeys(op, property.Value, operatorPath, ref failed));
        }

        return [.. clauses];
    }

    private List<ConditionClause> ReadKeys(ConditionOperator op, JsonElement block, string path, ref bool failed)
    {
        var clauses = new List<ConditionClause>();
        if (block.ValueKind != JsonValueKind.Object)
        {
            failed = true;
            problems.Error(PolicyProblemCode.WrongType, path,
                $"{op} must map context keys to values, such as {{\"aws:SourceIp\": \"203.0.113.0/24\"}}.");
            return clauses;
        }

        // IAM "Condition": context key names are not case-sensitive, so aws:SourceIp and AWS:sourceip collide.
        foreach (var property in PolicyReader.Properties(block, path, StringComparer.OrdinalIgnoreCase, problems))
        {
            var keyPath = ProblemList.Child(path, property.Name);
            if (string.IsNullOrWhiteSpace(property.Name))
            {
                failed = true;
                problems.Error(PolicyProblemCode.InvalidConditionKey, keyPath, "A condition key cannot be empty.");
                continue;
            }

            var values = ReadValues(property.Value, keyPath, ref failed);
            var valid = true;
            foreach (var (text, valuePath) in values)
            {
                valid &= CheckValue(op, text, valuePath, ref failed);
            }

            if (valid && values.Count > 0)
            {
                clauses.Add(new ConditionClause(op, property.Name, [.. values.Select(v => v.Text)]));
            }
        }

        return clauses;
    }

    /// <summary>A value or a non-empty array of values; numbers and Booleans are read as their JSON text.</summary>
    private List<(string Text, string Path)> ReadValues(JsonElement value, string path, ref bool failed)
    {
        var items = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select((item, i) => (item, ProblemList.Item(path, i))).ToList()
            : [(value, path)];
        if (items.Count == 0)
        {
            failed = true;
            problems.Error(PolicyProblemCode.EmptyValue, path,
                "The condition key has an empty array; give at least one value.");
        }

        var result = new List<(string, string)>();
        foreach (var (item, itemPath) in items)
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.String:
                    result.Add((item.GetString()!, itemPath));
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    result.Add((item.GetRawText(), itemPath));
                    break;
                default:
                    failed = true;
                    problems.Error(PolicyProblemCode.WrongType, itemPath,
                        "A condition value must be a string, number or Boolean, or an array of them.");
                    break;
            }
        }

        return result;
    }

    private bool CheckValue(ConditionOperator op, string text, string path, ref bool failed)
    {
        var family = op.Family;
        string? problem = family switch
        {
            OperatorFamily.Numeric when !ConditionValues.TryParseNumber(text, out _) =>
                $"'{text}' is not a number; {op.Kind} compares numbers such as 10 or 2.5.",
            OperatorFamily.Date when !ConditionValues.TryParseDate(text, out _) =>
                $"'{text}' is not a date; use ISO 8601 such as 2024-01-31T12:00:00Z, or epoch seconds.",
            OperatorFamily.Bool when !ConditionValues.TryParseBoolean(text, out _) =>
                $"'{text}' is not a Boolean; Bool takes \"true\" or \"false\".",
            OperatorFamily.Null when !ConditionValues.TryParseBoolean(text, out _) =>
                $"'{text}' is not a Boolean; Null takes \"true\" (the key is absent) or \"false\" (it is present).",
            OperatorFamily.Binary when ConditionValues.TryParseBase64(text) is null =>
                $"'{text}' is not base64; BinaryEquals compares base64-encoded bytes.",
            OperatorFamily.Ip when !IpNetwork.TryParse(text, out _) =>
                $"'{text}' is not an IP address or CIDR block, such as 203.0.113.0/24 or 2001:DB8::/32.",
            OperatorFamily.Arn when text.Length == 0 => "An ARN condition value cannot be empty.",
            _ => null,
        };
        if (problem is not null)
        {
            failed = true;
            problems.Error(PolicyProblemCode.InvalidConditionValue, path, problem);
            return false;
        }

        // IAM "Policy variables": only string and ARN operators substitute variables in their values.
        if (family is OperatorFamily.String or OperatorFamily.Arn)
        {
            var before = failed;
            PolicyWarnings.CheckVariables(text, path, variables, problems, ref failed);
            return failed == before;
        }

        return true;
    }
}
