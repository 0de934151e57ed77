namespace IamService.Policies.Tests;

/// <summary>Builders shared by the tests: policy JSON, compiled policies, callers and requests.</summary>
internal static class TestPolicies
{
    public const string Account = "111122223333";
    public const string OtherAccount = "444455556666";
    public const string AliceArn = "arn:aws:iam::111122223333:user/division/alice";
    public const string RoleArn = "arn:aws:iam::111122223333:role/Deployer";
    public const string SessionArn = "arn:aws:sts::111122223333:assumed-role/Deployer/build-42";
    public const string Bucket = "arn:aws:s3:::example-bucket";

    public static readonly RequestPrincipal Alice = new(
        AliceArn,
        "AIDAALICE",
        PrincipalType.User,
        Account,
        [new("Department", "Finance"), new("Project", "Apollo")]);

    public static readonly RequestPrincipal Session = new(
        SessionArn,
        "AROADEPLOYER:build-42",
        PrincipalType.AssumedRole,
        Account,
        sessionIssuerArn: RoleArn);

    public static readonly RequestPrincipal Outsider = new(
        "arn:aws:iam::444455556666:user/mallory",
        "AIDAMALLORY",
        PrincipalType.User,
        OtherAccount);

    /// <summary>A 2012-10-17 policy with the given statements.</summary>
    public static string Policy(params string[] statements) =>
        $$$"""{"Version":"2012-10-17","Statement":[{{{string.Join(",", statements)}}}]}""";

    /// <summary>A statement, with an optional Condition block.</summary>
    public static string Statement(string effect, string action, string resource, string? condition = null) =>
        $$$"""
            {"Effect":"{{{effect}}}","Action":{{{Value(action)}}},
              "Resource":{{{Value(resource)}}}{{{Extra(condition)}}}}
            """;

    /// <summary>A resource-based statement naming a principal, such as <c>{"AWS":"..."}</c> or <c>"*"</c>.</summary>
    public static string Grant(
        string effect,
        string principal,
        string action,
        string resource,
        string? condition = null) =>
        $$$"""
            {"Effect":"{{{effect}}}","Principal":{{{principal}}},"Action":{{{Value(action)}}},
              "Resource":{{{Value(resource)}}}{{{Extra(condition)}}}}
            """;

    public static PolicyDocument Parse(string json, PolicyType type = PolicyType.Identity)
    {
        var result = PolicyParser.Parse(json, new PolicyParseOptions(type));
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Document;
    }

    public static CompiledPolicy Compile(
        string json,
        PolicyType type = PolicyType.Identity,
        string id = "policy",
        PolicySourceKind kind = PolicySourceKind.ManagedPolicy) =>
        CompiledPolicy.Compile(Parse(json, type), new PolicySource(id, kind));

    public static PolicySet Identity(params string[] policies) =>
        new([.. policies.Select((p, i) => Compile(p, id: $"identity-{i}"))]);

    public static AccessRequest Request(
        string action,
        string resource,
        RequestContext? context = null,
        RequestPrincipal? principal = null) =>
        new(principal ?? Alice, action, resource, context);

    public static PolicyDecision Decide(PolicySet set, string action, string resource, RequestContext? context = null)
    {
        var request = Request(action, resource, context);
        return PolicyEvaluator.Decide(in request, set);
    }

    /// <summary>Whether one Allow statement with this Condition block allows s3:GetObject on the bucket.</summary>
    public static EvaluationResult EvaluateCondition(
        string condition,
        RequestContext context,
        string version = "2012-10-17")
    {
        var statement = Statement("Allow", "s3:GetObject", "*", condition);
        var set = new PolicySet([Compile($$$"""{"Version":"{{{version}}}","Statement":[{{{statement}}}]}""")]);
        var request = Request("s3:GetObject", Bucket + "/key", context);
        var fast = PolicyEvaluator.Decide(in request, set);
        var result = PolicyEvaluator.Evaluate(in request, set);
        Assert.Equal(fast, result.Decision);
        return result;
    }

    /// <summary>A Condition block with one operator and one key.</summary>
    public static string Condition(string op, string key, string values) =>
        "{\"" + op + "\":{\"" + key + "\":" + values + "}}";

    private static string Value(string text) => text.StartsWith('[') ? text : $"\"{text}\"";

    private static string Extra(string? condition) => condition is null ? string.Empty : ",\"Condition\":" + condition;
}
