namespace IamService.Policies.Tests;

/// <summary>Each operator against one present context key (IAM: "Condition operators").</summary>
public class ConditionOperatorTests
{
    [Theory]
    // String operators: exact and case-sensitive, values ORed, no wildcards except in the Like forms.
    [InlineData("StringEquals", "\"alice\"", "alice", true)]
    [InlineData("StringEquals", "\"alice\"", "Alice", false)]
    [InlineData("StringEquals", "[\"bob\",\"alice\"]", "alice", true)]
    [InlineData("StringEquals", "\"ali*\"", "alice", false)]
    [InlineData("StringNotEquals", "\"alice\"", "bob", true)]
    [InlineData("StringNotEquals", "[\"bob\",\"alice\"]", "alice", false)]
    [InlineData("StringEqualsIgnoreCase", "\"ALICE\"", "alice", true)]
    [InlineData("StringEqualsIgnoreCase", "\"ALICE\"", "alicia", false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"ALICE\"", "alice", false)]
    [InlineData("StringNotEqualsIgnoreCase", "\"ALICE\"", "bob", true)]
    [InlineData("StringLike", "\"ali*\"", "alice", true)]
    [InlineData("StringLike", "\"al?ce\"", "alice", true)]
    [InlineData("StringLike", "\"al?ce\"", "allice", false)]
    [InlineData("StringLike", "\"ALI*\"", "alice", false)]
    [InlineData("StringLike", "\"*\"", "", true)]
    [InlineData("StringNotLike", "\"ali*\"", "bob", true)]
    [InlineData("StringNotLike", "[\"bo*\",\"ali*\"]", "alice", false)]
    // Numeric operators: integers and decimals, JSON numbers or strings.
    [InlineData("NumericEquals", "10", "10", true)]
    [InlineData("NumericEquals", "\"10\"", "10.0", true)]
    [InlineData("NumericEquals", "10", "11", false)]
    [InlineData("NumericNotEquals", "10", "11", true)]
    [InlineData("NumericNotEquals", "10", "10", false)]
    [InlineData("NumericLessThan", "10", "9.5", true)]
    [InlineData("NumericLessThan", "10", "10", false)]
    [InlineData("NumericLessThanEquals", "10", "10", true)]
    [InlineData("NumericLessThanEquals", "10", "10.01", false)]
    [InlineData("NumericGreaterThan", "10", "11", true)]
    [InlineData("NumericGreaterThan", "10", "10", false)]
    [InlineData("NumericGreaterThanEquals", "10", "10", true)]
    [InlineData("NumericGreaterThanEquals", "10", "-3", false)]
    // Date operators: ISO 8601 with or without offset, and epoch seconds (1706702400 = 2024-01-31T12:00:00Z).
    [InlineData("DateEquals", "\"2024-01-31T12:00:00Z\"", "2024-01-31T12:00:00Z", true)]
    [InlineData("DateEquals", "\"2024-01-31T12:00:00Z\"", "1706702400", true)]
    [InlineData("DateEquals", "1706702400", "2024-01-31T13:00:00+01:00", true)]
    [InlineData("DateEquals", "\"2024-01-31T12:00:00Z\"", "2024-01-31T12:00:01Z", false)]
    [InlineData("DateNotEquals", "\"2024-01-31T12:00:00Z\"", "2024-01-31T12:00:01Z", true)]
    [InlineData("DateLessThan", "\"2024-01-31\"", "2024-01-30T23:59:59Z", true)]
    [InlineData("DateLessThan", "\"2024-01-31\"", "2024-01-31T00:00:00Z", false)]
    [InlineData("DateLessThanEquals", "\"2024-01-31\"", "2024-01-31T00:00:00Z", true)]
    [InlineData("DateGreaterThan", "1706702400", "2024-01-31T12:00:01Z", true)]
    [InlineData("DateGreaterThan", "1706702400", "2024-01-31T12:00:00Z", false)]
    [InlineData("DateGreaterThanEquals", "\"2024-01-31T12:00:00.000Z\"", "2024-01-31T12:00:00Z", true)]
    // Bool: "true"/"false" in any case, JSON Booleans allowed.
    [InlineData("Bool", "\"true\"", "true", true)]
    [InlineData("Bool", "true", "TRUE", true)]
    [InlineData("Bool", "\"false\"", "true", false)]
    [InlineData("Bool", "false", "false", true)]
    // BinaryEquals compares base64-encoded bytes.
    [InlineData("BinaryEquals", "\"QmluYXJ5VmFsdWU=\"", "QmluYXJ5VmFsdWU=", true)]
    [InlineData("BinaryEquals", "\"QmluYXJ5VmFsdWU=\"", "T3RoZXI=", false)]
    // IpAddress / NotIpAddress: CIDR blocks, IPv4 and IPv6; a bare address is a /32 or /128.
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.113.7", true)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "203.0.114.7", false)]
    [InlineData("IpAddress", "\"203.0.113.7\"", "203.0.113.7", true)]
    [InlineData("IpAddress", "\"203.0.113.7\"", "203.0.113.8", false)]
    [InlineData("IpAddress", "\"2001:DB8::/32\"", "2001:db8:1::5", true)]
    [InlineData("IpAddress", "\"2001:DB8::/32\"", "2001:db9::5", false)]
    [InlineData("IpAddress", "\"0.0.0.0/0\"", "198.51.100.1", true)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "2001:db8::1", false)]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "::ffff:203.0.113.9", true)]
    [InlineData("NotIpAddress", "\"203.0.113.0/24\"", "198.51.100.1", true)]
    [InlineData("NotIpAddress", "[\"203.0.113.0/24\",\"198.51.100.0/24\"]", "198.51.100.1", false)]
    // ARN operators: part by part, case-sensitive; ArnEquals and ArnLike both take wildcards.
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:111122223333:t\"", "arn:aws:sns:us-east-1:111122223333:t", true)]
    [InlineData("ArnEquals", "\"arn:aws:sns:*:111122223333:topic\"", "arn:aws:sns:eu-west-1:111122223333:topic", true)]
    [InlineData("ArnEquals", "\"arn:aws:sns:us-east-1:111122223333:t\"", "arn:aws:sns:us-east-1:111122223333:T", false)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:111122223333:topic", true)]
    [InlineData("ArnLike", "\"arn:aws:sns:*:111122223333:*\"", "arn:aws:sns:eu-west-1:444455556666:topic", false)]
    [InlineData("ArnLike", "\"arn:aws:iam::*:role/*\"", "arn:aws:iam::111122223333:role/path/Deployer", true)]
    [InlineData("ArnLike", "\"arn:aws:iam::*:role/*\"", "not-an-arn", false)]
    [InlineData("ArnNotEquals", "\"arn:aws:iam::111122223333:role/Admin\"", "arn:aws:iam::111122223333:role/Dev", true)]
    [InlineData("ArnNotLike", "\"arn:aws:iam::*:role/Admin*\"", "arn:aws:iam::111122223333:role/Dev", true)]
    [InlineData("ArnNotLike", "\"arn:aws:iam::*:role/Admin*\"", "arn:aws:iam::111122223333:role/AdminX", false)]
    public void Condition_OperatorAgainstPresentKey_MatchesAsDocumented(
        string op,
        string policyValues,
        string contextValue,
        bool expected)
    {
        var condition = TestPolicies.Condition(op, ContextValues.Key, policyValues);
        var context = new RequestContextBuilder().Add(ContextValues.Key, contextValue).Build();

        var result = TestPolicies.EvaluateCondition(condition, context);

        Assert.Equal(expected, result.IsAllowed);
    }

    [Theory]
    // IAM: a key absent from the request does not match, so positive operators are false and negated ones true.
    [InlineData("StringEquals", false)]
    [InlineData("StringNotEquals", true)]
    [InlineData("StringEqualsIgnoreCase", false)]
    [InlineData("StringNotEqualsIgnoreCase", true)]
    [InlineData("StringLike", false)]
    [InlineData("StringNotLike", true)]
    [InlineData("NumericEquals", false)]
    [InlineData("NumericNotEquals", true)]
    [InlineData("NumericLessThan", false)]
    [InlineData("DateEquals", false)]
    [InlineData("DateNotEquals", true)]
    [InlineData("DateGreaterThan", false)]
    [InlineData("Bool", false)]
    [InlineData("BinaryEquals", false)]
    [InlineData("IpAddress", false)]
    [InlineData("NotIpAddress", true)]
    [InlineData("ArnEquals", false)]
    [InlineData("ArnLike", false)]
    [InlineData("ArnNotEquals", true)]
    [InlineData("ArnNotLike", true)]
    // IAM "...IfExists": an absent key makes the condition true.
    [InlineData("StringEqualsIfExists", true)]
    [InlineData("NumericLessThanIfExists", true)]
    [InlineData("DateLessThanIfExists", true)]
    [InlineData("BoolIfExists", true)]
    [InlineData("IpAddressIfExists", true)]
    [InlineData("ArnLikeIfExists", true)]
    [InlineData("BinaryEqualsIfExists", true)]
    // IAM "Multivalued context keys": ForAllValues is true on a missing key, ForAnyValue false.
    [InlineData("ForAllValues:StringEquals", true)]
    [InlineData("ForAllValues:StringNotEquals", true)]
    [InlineData("ForAnyValue:StringEquals", false)]
    [InlineData("ForAnyValue:StringNotEquals", false)]
    public void Condition_OperatorAgainstMissingKey_FollowsMissingKeyRule(string op, bool expected)
    {
        Assert.True(ConditionOperator.TryParse(op, out var parsed));
        var condition = TestPolicies.Condition(op, ContextValues.Key, SampleValue(parsed.Kind));

        var result = TestPolicies.EvaluateCondition(condition, RequestContext.Empty);

        Assert.Equal(expected, result.IsAllowed);
        Assert.Contains(ContextValues.Key, result.MissingContextKeys);
    }

    [Theory]
    [InlineData("StringEqualsIfExists", "\"alice\"", "alice", true)]
    [InlineData("StringEqualsIfExists", "\"alice\"", "bob", false)]
    [InlineData("NumericLessThanIfExists", "10", "11", false)]
    [InlineData("StringNotEqualsIfExists", "\"alice\"", "alice", false)]
    public void Condition_IfExistsWithPresentKey_AppliesTheOperator(
        string op,
        string policyValues,
        string contextValue,
        bool expected)
    {
        var condition = TestPolicies.Condition(op, ContextValues.Key, policyValues);
        var context = new RequestContextBuilder().Add(ContextValues.Key, contextValue).Build();

        Assert.Equal(expected, TestPolicies.EvaluateCondition(condition, context).IsAllowed);
    }

    [Theory]
    // IAM "Null": "true" asks for the key to be absent, "false" for it to be present.
    [InlineData("\"true\"", null, true)]
    [InlineData("\"true\"", "value", false)]
    [InlineData("\"false\"", null, false)]
    [InlineData("\"false\"", "value", true)]
    [InlineData("true", "[]", true)]
    [InlineData("[\"true\",\"false\"]", "value", true)]
    public void Condition_Null_TestsExistence(string policyValue, string? contextValues, bool expected)
    {
        var condition = $$$"""{"Null":{"{{{ContextValues.Key}}}":{{{policyValue}}}}}""";

        var result = TestPolicies.EvaluateCondition(condition, ContextValues.With(contextValues));

        Assert.Equal(expected, result.IsAllowed);
    }

    [Theory]
    // A request value the operator cannot read makes the statement fail closed.
    [InlineData("NumericEquals", "10", "ten")]
    [InlineData("DateLessThan", "\"2024-01-31\"", "yesterday")]
    [InlineData("IpAddress", "\"203.0.113.0/24\"", "not-an-ip")]
    [InlineData("Bool", "\"true\"", "yes")]
    [InlineData("BinaryEquals", "\"QmluYXJ5VmFsdWU=\"", "%%%")]
    public void Condition_RequestValueOfWrongType_FailsClosed(string op, string policyValue, string contextValue)
    {
        var condition = TestPolicies.Condition(op, ContextValues.Key, policyValue);
        var context = new RequestContextBuilder().Add(ContextValues.Key, contextValue).Build();

        var result = TestPolicies.EvaluateCondition(condition, context);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(DenialReason.EvaluationError, result.Reason);
        Assert.Single(result.MatchedStatements);
    }

    [Fact]
    public void Condition_TypeErrorInDenyStatement_StillDenies()
    {
        var policy = TestPolicies.Policy(
            TestPolicies.Statement("Allow", "*", "*"),
            TestPolicies.Statement("Deny", "*", "*", """{"NumericLessThan":{"test:Key":5}}"""));
        var context = new RequestContextBuilder().Add(ContextValues.Key, "five").Build();

        var decision = TestPolicies.Decide(TestPolicies.Identity(policy), "s3:GetObject", TestPolicies.Bucket, context);

        Assert.NotEqual(PolicyDecision.Allowed, decision);
    }

    [Theory]
    // IAM "Condition": several keys under one operator are ANDed, and so are several operators.
    [InlineData("alice", "10", true)]
    [InlineData("alice", "20", false)]
    [InlineData("bob", "10", false)]
    public void Condition_SeveralKeysAndOperators_AreAnded(string user, string count, bool expected)
    {
        const string condition =
            """{"StringEquals":{"aws:username":"alice","test:Team":"blue"},"NumericLessThan":{"test:Count":15}}""";
        var context = new RequestContextBuilder()
            .Add("aws:username", user)
            .Add("test:Team", "blue")
            .Add("test:Count", count)
            .Build();

        Assert.Equal(expected, TestPolicies.EvaluateCondition(condition, context).IsAllowed);
    }

    [Fact]
    public void Condition_KeyName_MatchesWithoutCase()
    {
        const string condition = """{"StringEquals":{"AWS:SourceVpc":"vpc-1"}}""";
        var context = new RequestContextBuilder().Add("aws:sourcevpc", "vpc-1").Build();

        Assert.True(TestPolicies.EvaluateCondition(condition, context).IsAllowed);
    }

    [Theory]
    [InlineData("Finance", true)]
    [InlineData("finance", false)]
    public void Condition_PrincipalTag_IsReadFromThePrincipal(string policyValue, bool expected)
    {
        var condition = $$$"""{"StringEquals":{"aws:principaltag/department":"{{{policyValue}}}"}}""";

        Assert.Equal(expected, TestPolicies.EvaluateCondition(condition, RequestContext.Empty).IsAllowed);
    }

    [Fact]
    public void Condition_ContextValueForPrincipalTag_OverridesThePrincipalsTag()
    {
        const string condition = """{"StringEquals":{"aws:PrincipalTag/Department":"Legal"}}""";
        var context = new RequestContextBuilder().Add("aws:PrincipalTag/Department", "Legal").Build();

        Assert.True(TestPolicies.EvaluateCondition(condition, context).IsAllowed);
    }

    [Theory]
    [InlineData(ContextKeyType.Numeric, "15", "NumericGreaterThan", "10", true)]
    [InlineData(ContextKeyType.Date, "2024-01-31T12:00:00Z", "DateLessThan", "\"2025-01-01\"", true)]
    [InlineData(ContextKeyType.Boolean, "true", "Bool", "\"true\"", true)]
    [InlineData(ContextKeyType.Ip, "10.1.2.3", "IpAddress", "\"10.0.0.0/8\"", true)]
    [InlineData(ContextKeyType.Binary, "eA==", "BinaryEquals", "\"eA==\"", true)]
    [InlineData(ContextKeyType.NumericList, "1|20", "NumericGreaterThan", "10", true)]
    [InlineData(ContextKeyType.DateList, "2020-01-01|2021-01-01", "ForAllValues:DateLessThan", "\"2022-01-01\"", true)]
    [InlineData(ContextKeyType.IpList, "10.0.0.1|192.0.2.1", "ForAllValues:IpAddress", "\"10.0.0.0/8\"", false)]
    public void Condition_TypedContextValue_IsComparedAsItsType(
        ContextKeyType type,
        string values,
        string op,
        string policyValue,
        bool expected)
    {
        var condition = TestPolicies.Condition(op, ContextValues.Key, policyValue);

        var result = TestPolicies.EvaluateCondition(condition, ContextValues.With(values, type));

        Assert.Equal(expected, result.IsAllowed);
    }

    private static string SampleValue(ConditionOperatorKind kind) => kind.ToString() switch
    {
        var name when name.StartsWith("String", StringComparison.Ordinal) => "\"x\"",
        var name when name.StartsWith("Numeric", StringComparison.Ordinal) => "1",
        var name when name.StartsWith("Date", StringComparison.Ordinal) => "\"2024-01-01\"",
        var name when name.StartsWith("Arn", StringComparison.Ordinal) => "\"arn:aws:s3:::x\"",
        "Bool" => "\"true\"",
        "BinaryEquals" => "\"eA==\"",
        _ => "\"10.0.0.0/8\"",
    };
}
