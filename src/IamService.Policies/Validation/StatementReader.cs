using System.Collections.Immutable;
using System.Text.Json;

namespace IamService.Policies;

/// <summary>Reads one statement (IAM: "IAM JSON policy element reference") and applies the policy-type rules.</summary>
internal sealed class StatementReader(ProblemList problems, PolicyType type, bool variables)
{
    private const string StatementElements =
        "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition";

    private static readonly string[] PrincipalKeys = ["AWS", "Service", "Federated", "CanonicalUser"];

    private bool _failed;

    public PolicyStatement? Read(JsonElement element, string path, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(PolicyProblemCode.WrongType, path, "A statement must be a JSON object.");
            return null;
        }

        string? sid = null;
        PolicyEffect? effect = null;
        PolicyPrincipal? principal = null;
        Element? actions = null;
        Element? resources = null;
        var hasPrincipal = false;
        var hasEffect = false;
        var isNotPrincipal = false;
        var conditions = ImmutableArray<ConditionClause>.Empty;

        foreach (var property in PolicyReader.Properties(element, path, StringComparer.Ordinal, problems))
        {
            var propertyPath = ProblemList.Child(path, property.Name);
            var value = property.Value;
            switch (property.Name)
            {
                case "Sid":
                    sid = ReadSid(value, propertyPath);
                    break;
                case "Effect":
                    hasEffect = true;
                    effect = ReadEffect(value, propertyPath);
                    break;
                case "Principal" or "NotPrincipal":
                    if (hasPrincipal)
                    {
                        Error(PolicyProblemCode.PrincipalAndNotPrincipal, propertyPath,
                            "A statement takes Principal or NotPrincipal, not both; remove one.");
                    }

                    hasPrincipal = true;
                    isNotPrincipal = property.Name == "NotPrincipal";
                    principal = ReadPrincipal(value, propertyPath);
                    break;
                case "Action" or "NotAction":
                    if (actions is not null)
                    {
                        Error(PolicyProblemCode.ActionAndNotAction, propertyPath,
                            "A statement takes Action or NotAction, not both; remove one.");
                    }

                    actions = new(ReadActions(value, propertyPath), property.Name == "NotAction", propertyPath);
                    break;
                case "Resource" or "NotResource":
                    if (resources is not null)
                    {
                        Error(PolicyProblemCode.ResourceAndNotResource, propertyPath,
                            "A statement takes Resource or NotResource, not both; remove one.");
                    }

                    resources = new(ReadResources(value, propertyPath), property.Name == "NotResource", propertyPath);
                    break;
                case "Condition":
                    conditions = new ConditionReader(problems, variables).Read(value, propertyPath, ref _failed);
                    break;
                default:
                    Error(PolicyProblemCode.UnknownElement, propertyPath,
                        $"'{property.Name}' is not a statement element; a statement allows {StatementElements}.");
                    break;
            }
        }

        if (!hasEffect)
        {
            Error(PolicyProblemCode.MissingElement, path,
                "The statement has no Effect; add \"Effect\": \"Allow\" or \"Deny\".");
        }

        if (actions is null)
        {
            Error(PolicyProblemCode.MissingElement, path, "The statement has no Action or NotAction; add one.");
        }

        CheckPolicyType(path, hasPrincipal, actions, resources);
        if (_failed || effect is null || actions is null)
        {
            return null;
        }

        var statement = new PolicyStatement(
            index,
            sid,
            effect.Value,
            principal,
            isNotPrincipal,
            actions.Values,
            actions.IsNot,
            resources?.Values ?? [],
            resources?.IsNot ?? false,
            conditions);
        PolicyWarnings.Check(statement, path, actions.Path, resources?.Path, problems);
        return statement;
    }

    /// <summary>IAM "Policy types": which elements each kind of policy must or must not have.</summary>
    private void CheckPolicyType(
        string path,
        bool hasPrincipal,
        Element? actions,
        Element? resources)
    {
        var resourceBased = type is PolicyType.ResourceBased or PolicyType.Trust;
        if (hasPrincipal && !resourceBased)
        {
            Error(PolicyProblemCode.PrincipalNotAllowed, path,
                $"A {Describe(type)} applies to whoever it is attached to and cannot name a Principal or NotPrincipal; "
                + "remove it.");
        }

        if (!hasPrincipal && resourceBased)
        {
            Error(PolicyProblemCode.PrincipalRequired, path,
                $"A {Describe(type)} must say whom it applies to; add a Principal or NotPrincipal.");
        }

        if (type == PolicyType.Trust)
        {
            if (resources is not null)
            {
                Error(PolicyProblemCode.ResourceNotAllowed, resources.Path,
                    "A trust policy applies to the role it belongs to and cannot name a Resource; remove it.");
            }

            foreach (var (action, itemPath) in actions?.Items ?? [])
            {
                if (!action.StartsWith("sts:", StringComparison.OrdinalIgnoreCase))
                {
                    Error(PolicyProblemCode.TrustPolicyActionNotSts, itemPath,
                        $"'{action}' is not allowed in a trust policy; use sts actions such as sts:AssumeRole.");
                }
            }
        }
        else if (resources is null)
        {
            Error(PolicyProblemCode.MissingElement, path, "The statement has no Resource or NotResource; add one.");
        }
    }

    private string? ReadSid(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            // Limitation: a Sid may hold any characters, where IAM allows only letters and digits.
            return value.GetString();
        }

        Error(PolicyProblemCode.WrongType, path, "Sid must be a string.");
        return null;
    }

    private PolicyEffect? ReadEffect(JsonElement value, string path)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        switch (text)
        {
            case "Allow":
                return PolicyEffect.Allow;
            case "Deny":
                return PolicyEffect.Deny;
            default:
                Error(PolicyProblemCode.InvalidEffect, path,
                    "Effect must be \"Allow\" or \"Deny\", spelled exactly so.");
                return null;
        }
    }

    private PolicyPrincipal? ReadPrincipal(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && value.GetString() == "*")
        {
            return new PolicyPrincipal(true, []);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(PolicyProblemCode.InvalidPrincipal, path,
                "A principal must be \"*\" or a map such as {\"AWS\": \"arn:aws:iam::123456789012:root\"}.");
            return null;
        }

        var entries = new List<PolicyPrincipalEntry>();
        foreach (var property in PolicyReader.Properties(value, path, StringComparer.Ordinal, problems))
        {
            var keyPath = ProblemList.Child(path, property.Name);
            var kind = Array.IndexOf(PrincipalKeys, property.Name);
            if (kind < 0)
            {
                Error(PolicyProblemCode.InvalidPrincipal, keyPath,
                    $"'{property.Name}' is not a principal type; use AWS, Service, Federated or CanonicalUser.");
                continue;
            }

            foreach (var (text, itemPath) in ReadStrings(property.Value, keyPath, property.Name))
            {
                if (CheckPrincipal((PrincipalKind)kind, text, itemPath))
                {
                    entries.Add(new PolicyPrincipalEntry((PrincipalKind)kind, text));
                }
            }
        }

        if (!value.EnumerateObject().Any())
        {
            Error(PolicyProblemCode.EmptyValue, path, "The principal map names no principal; add one.");
        }

        return new PolicyPrincipal(false, [.. entries]);
    }

    /// <summary>
    /// IAM "Principal": an AWS principal is "*", an account id, or the ARN of an account, user, role or session;
    /// a wildcard cannot stand for part of a name.
    /// </summary>
    private bool CheckPrincipal(PrincipalKind kind, string text, string path)
    {
        var valid = kind switch
        {
            PrincipalKind.Aws => text == "*" || AccountIds.IsAccountId(text)
                || (ArnPattern.Split(text, variables: false) is { } parts
                    && parts[2] is "iam" or "sts" && !Glob.HasWildcards(text)),
            _ => text.Length > 0 && !Glob.HasWildcards(text),
        };
        if (!valid)
        {
            Error(PolicyProblemCode.InvalidPrincipal, path, kind == PrincipalKind.Aws
                ? $"'{text}' is not an AWS principal; use \"*\", a 12-digit account id, or an IAM or STS ARN "
                  + "without wildcards."
                : $"'{text}' is not a valid {kind} principal; give the full name without wildcards.");
        }

        return valid;
    }

    /// <summary>IAM "Action": <c>service:action</c> with optional wildcards, or <c>*</c>.</summary>
    private List<(string Text, string Path)> ReadActions(JsonElement value, string path)
    {
        var actions = ReadStrings(value, path, "Action");
        foreach (var (action, itemPath) in actions)
        {
            if (!IsAction(action))
            {
                Error(PolicyProblemCode.InvalidAction, itemPath,
                    $"'{action}' is not an action; write service:action, such as s3:GetObject, or * for every action.");
            }
        }

        return actions;
    }

    private static bool IsAction(string action)
    {
        if (action == "*")
        {
            return true;
        }

        var colon = action.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == action.Length - 1)
        {
            return false;
        }

        var service = action.AsSpan(0, colon);
        var name = action.AsSpan(colon + 1);
        return !service.ContainsAnyExcept(ActionCharacters.Service) && !name.ContainsAnyExcept(ActionCharacters.Name);
    }

    /// <summary>IAM "Resource": an ARN, possibly with wildcards and (2012-10-17) variables, or <c>*</c>.</summary>
    private List<(string Text, string Path)> ReadResources(JsonElement value, string path)
    {
        var resources = ReadStrings(value, path, "Resource");
        foreach (var (resource, itemPath) in resources)
        {
            var parts = resource == "*" ? null : ArnPattern.Split(resource, variables);
            if (resource != "*" && parts is not [_, { Length: > 0 }, { Length: > 0 }, ..])
            {
                Error(PolicyProblemCode.InvalidResource, itemPath,
                    $"'{resource}' is not a resource; write an ARN "
                    + "(arn:partition:service:region:account:resource) or *.");
                continue;
            }

            PolicyWarnings.CheckVariables(resource, itemPath, variables, problems, ref _failed);
        }

        return resources;
    }

    /// <summary>A string or a non-empty array of strings, with the path of each value.</summary>
    private List<(string Text, string Path)> ReadStrings(JsonElement value, string path, string element)
    {
        var result = new List<(string, string)>();
        if (value.ValueKind == JsonValueKind.String)
        {
            result.Add((value.GetString()!, path));
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(PolicyProblemCode.WrongType, path, $"{element} must be a string or an array of strings.");
            return result;
        }

        if (value.GetArrayLength() == 0)
        {
            Error(PolicyProblemCode.EmptyValue, path, $"{element} is an empty array; give at least one value.");
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = ProblemList.Item(path, index++);
            if (item.ValueKind == JsonValueKind.String)
            {
                result.Add((item.GetString()!, itemPath));
            }
            else
            {
                Error(PolicyProblemCode.WrongType, itemPath, $"Each {element} value must be a string.");
            }
        }

        return result;
    }

    private static string Describe(PolicyType policyType) => policyType switch
    {
        PolicyType.Identity => "identity-based policy",
        PolicyType.PermissionsBoundary => "permissions boundary",
        PolicyType.Session => "session policy",
        PolicyType.ResourceBased => "resource-based policy",
        _ => "trust policy",
    };

    private void Error(PolicyProblemCode code, string path, string message)
    {
        _failed = true;
        problems.Error(code, path, message);
    }

    /// <summary>An Action/NotAction or Resource/NotResource element with the path of each value.</summary>
    private sealed record Element(List<(string Text, string Path)> Items, bool IsNot, string Path)
    {
        public ImmutableArray<string> Values { get; } = [.. Items.Select(i => i.Text)];
    }
}
