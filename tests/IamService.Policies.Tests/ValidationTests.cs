namespace IamService.Policies.Tests;

/// <summary>
/// Documents IAM rejects, with the path and code of each problem (IAM: "Grammar of the IAM JSON policy language").
/// </summary>
public class ValidationTests
{
    private const string Allow = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}""";

    public static TheoryData<string, PolicyProblemCode, string> Errors => new()
    {
        { """{"Version":"2012-10-17","Statement":[""", PolicyProblemCode.MalformedJson, "$" },
        { """[]""", PolicyProblemCode.WrongType, "$" },
        { """{"Version":"2012-10-17"}""", PolicyProblemCode.MissingElement, "$" },
        { """{"Version":"2012-10-17","Statement":[]}""", PolicyProblemCode.EmptyValue, "$.Statement" },
        { """{"Version":"2012-10-17","Statement":"x"}""", PolicyProblemCode.WrongType, "$.Statement" },
        { $$$"""
            {"Version":"2012-10-17","Statement":[{{{Allow}}}],"Extra":1}
            """, PolicyProblemCode.UnknownElement, "$.Extra" },
        { $$$"""{"Version":"2012-10-18","Statement":[{{{Allow}}}]}""", PolicyProblemCode.InvalidVersion, "$.Version" },
        { $$$"""{"Version":2012,"Statement":[{{{Allow}}}]}""", PolicyProblemCode.InvalidVersion, "$.Version" },
        { $$$"""{"Version":"2012-10-17","Id":5,"Statement":[{{{Allow}}}]}""", PolicyProblemCode.WrongType, "$.Id" },
        {
            $$$"""{"Version":"2012-10-17","Version":"2012-10-17","Statement":[{{{Allow}}}]}""",
            PolicyProblemCode.DuplicateKey, "$.Version"
        },
        {
            """{"Statement":[{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}]}""",
            PolicyProblemCode.DuplicateKey, "$.Statement[0].Effect"
        },
        {
            """{"Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*"}]}""",
            PolicyProblemCode.InvalidEffect, "$.Statement[0].Effect"
        },
        { """{"Statement":[{"Action":"s3:*","Resource":"*"}]}""", PolicyProblemCode.MissingElement, "$.Statement[0]" },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Effects":"Allow"}]}""",
            PolicyProblemCode.UnknownElement, "$.Statement[0].Effects"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"ec2:*","Resource":"*"}]}""",
            PolicyProblemCode.ActionAndNotAction, "$.Statement[0].NotAction"
        },
        { """{"Statement":[{"Effect":"Allow","Resource":"*"}]}""", PolicyProblemCode.MissingElement, "$.Statement[0]" },
        {
            """{"Statement":{"Effect":"Allow","Action":"GetObject","Resource":"*"}}""",
            PolicyProblemCode.InvalidAction, "$.Statement.Action"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","s3:"],"Resource":"*"}]}""",
            PolicyProblemCode.InvalidAction, "$.Statement[0].Action[1]"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3 :Get","Resource":"*"}]}""",
            PolicyProblemCode.InvalidAction, "$.Statement[0].Action"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]}""",
            PolicyProblemCode.EmptyValue, "$.Statement[0].Action"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":["s3:GetObject",7],"Resource":"*"}]}""",
            PolicyProblemCode.WrongType, "$.Statement[0].Action[1]"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"example-bucket"}]}""",
            PolicyProblemCode.InvalidResource, "$.Statement[0].Resource"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["*","arn:aws:s3"]}]}""",
            PolicyProblemCode.InvalidResource, "$.Statement[0].Resource[1]"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn::s3:::b"}]}""",
            PolicyProblemCode.InvalidResource, "$.Statement[0].Resource"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","NotResource":"*"}]}""",
            PolicyProblemCode.ResourceAndNotResource, "$.Statement[0].NotResource"
        },
        { """
            {"Statement":[
            {"Effect":"Allow","Action":"s3:*"}]}
            """, PolicyProblemCode.MissingElement, "$.Statement[0]" },
        {
            """
                {"Statement":[
                {"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},
                {"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}]}
                """,
            PolicyProblemCode.DuplicateSid, "$.Statement[1].Sid"
        },
        {
            """{"Statement":[{"Sid":1,"Effect":"Allow","Action":"s3:*","Resource":"*"}]}""",
            PolicyProblemCode.WrongType, "$.Statement[0].Sid"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringEqual":{"a:b":"c"}}}]}
                """,
            PolicyProblemCode.UnknownConditionOperator, "$.Statement[0].Condition.StringEqual"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"stringequals":{"a:b":"c"}}}]}
                """,
            PolicyProblemCode.UnknownConditionOperator, "$.Statement[0].Condition.stringequals"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"NumericEquals":{"s3:max-keys":"ten"}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.NumericEquals['s3:max-keys']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"DateLessThan":{"aws:CurrentTime":"tomorrow"}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.DateLessThan['aws:CurrentTime']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","10.0.0.0/33"]}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.IpAddress['aws:SourceIp'][1]"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"BinaryEquals":{"k:b":"not base64!"}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.BinaryEquals['k:b']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"Bool":{"aws:SecureTransport":"yes"}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.Bool['aws:SecureTransport']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"Null":{"aws:TokenIssueTime":"maybe"}}}]}
                """,
            PolicyProblemCode.InvalidConditionValue, "$.Statement[0].Condition.Null['aws:TokenIssueTime']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringEquals":{"a:b":null}}}]}
                """,
            PolicyProblemCode.WrongType, "$.Statement[0].Condition.StringEquals['a:b']"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringEquals":{"a:b":[]}}}]}
                """,
            PolicyProblemCode.EmptyValue, "$.Statement[0].Condition.StringEquals['a:b']"
        },
        {
            """{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":"a"}}]}""",
            PolicyProblemCode.WrongType, "$.Statement[0].Condition.StringEquals"
        },
        {
            """
                {"Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringEquals":{"aws:SourceVpc":"a","AWS:sourcevpc":"b"}}}]}
                """,
            PolicyProblemCode.DuplicateKey, "$.Statement[0].Condition.StringEquals['AWS:sourcevpc']"
        },
        {
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username"}]}
                """,
            PolicyProblemCode.InvalidPolicyVariable, "$.Statement[0].Resource"
        },
        {
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"StringLike":{"s3:prefix":"${aws:username, anonymous}"}}}]}
                """,
            PolicyProblemCode.InvalidPolicyVariable, "$.Statement[0].Condition.StringLike['s3:prefix']"
        },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_InvalidDocument_IsRejectedWithPathAndCode(string json, PolicyProblemCode code, string path)
    {
        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity));

        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        Assert.Contains(result.Errors, e => e.Code == code && e.Path == path && e.Message.Length > 20);
    }

    [Fact]
    public void Parse_DocumentWithSeveralProblems_ListsEveryOne()
    {
        const string json = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Effect": "Permit", "Action": "GetObject", "Resource": "*"},
                {"Effect": "Allow", "Action": "s3:*", "Resource": "bucket",
                 "Condition": {"NumericEquals": {"s3:max-keys": "many"}, "Between": {"a:b": "1"}}}
              ],
              "Comment": "x"
            }
            """;

        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity));

        string[] expected =
        [
            "InvalidEffect $.Statement[0].Effect",
            "InvalidAction $.Statement[0].Action",
            "InvalidResource $.Statement[1].Resource",
            "InvalidConditionValue $.Statement[1].Condition.NumericEquals['s3:max-keys']",
            "UnknownConditionOperator $.Statement[1].Condition.Between",
            "UnknownElement $.Comment",
        ];
        Assert.Equal(
            expected.Order(StringComparer.Ordinal),
            result.Errors.Select(e => $"{e.Code} {e.Path}").Order(StringComparer.Ordinal));
    }

    [Theory]
    // IAM "Policy types": identity-based policies name no principal; resource-based and trust policies must.
    [InlineData(PolicyType.Identity, "Principal", PolicyProblemCode.PrincipalNotAllowed)]
    [InlineData(PolicyType.PermissionsBoundary, "Principal", PolicyProblemCode.PrincipalNotAllowed)]
    [InlineData(PolicyType.Session, "NotPrincipal", PolicyProblemCode.PrincipalNotAllowed)]
    [InlineData(PolicyType.ResourceBased, null, PolicyProblemCode.PrincipalRequired)]
    [InlineData(PolicyType.Trust, null, PolicyProblemCode.PrincipalRequired)]
    public void Parse_PrincipalRuleOfPolicyType_IsEnforced(PolicyType type, string? element, PolicyProblemCode code)
    {
        var principal = element is null ? string.Empty : "\"" + element + "\":{\"AWS\":\"111122223333\"},";
        var json = $$$"""
            {"Version":"2012-10-17","Statement":[
              {{{{principal}}}"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}
            """;

        var result = PolicyParser.Parse(json, new PolicyParseOptions(type));

        Assert.Contains(result.Errors, e => e.Code == code && e.Path == "$.Statement[0]");
    }

    [Theory]
    [InlineData("s3:GetObject", null, PolicyProblemCode.TrustPolicyActionNotSts, "$.Statement[0].Action")]
    [InlineData(
        "[\"sts:AssumeRole\",\"*\"]",
        null,
        PolicyProblemCode.TrustPolicyActionNotSts,
        "$.Statement[0].Action[1]")]
    [InlineData("sts:AssumeRole", "*", PolicyProblemCode.ResourceNotAllowed, "$.Statement[0].Resource")]
    public void Parse_TrustPolicy_TakesOnlyStsActionsAndNoResource(
        string action,
        string? resource,
        PolicyProblemCode code,
        string path)
    {
        var actionJson = action.StartsWith('[') ? action : $"\"{action}\"";
        var resourceJson = resource is null ? string.Empty : $",\"Resource\":\"{resource}\"";
        var json = $$$"""
            {"Version":"2012-10-17","Statement":[
            {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":{{{actionJson}}}{{{resourceJson}}}}]}
            """;

        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Trust));

        Assert.Contains(result.Errors, e => e.Code == code && e.Path == path);
    }

    [Theory]
    [InlineData("\"Principal\":\"arn:aws:iam::111122223333:root\"", "$.Statement[0].Principal")]
    [InlineData("\"Principal\":{\"AWS\":\"arn:aws:iam::*:root\"}", "$.Statement[0].Principal.AWS")]
    [InlineData("\"Principal\":{\"AWS\":[\"111122223333\",\"alice\"]}", "$.Statement[0].Principal.AWS[1]")]
    [InlineData("\"Principal\":{\"Users\":\"alice\"}", "$.Statement[0].Principal.Users")]
    [InlineData("\"Principal\":{\"Service\":\"*.amazonaws.com\"}", "$.Statement[0].Principal.Service")]
    [InlineData("\"Principal\":{}", "$.Statement[0].Principal")]
    [InlineData("\"Principal\":\"*\",\"NotPrincipal\":\"*\"", "$.Statement[0].NotPrincipal")]
    public void Parse_InvalidPrincipal_IsRejected(string principal, string path)
    {
        var json = $$$"""
            {"Version":"2012-10-17","Statement":[
              {{{{principal}}},"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
            """;

        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.ResourceBased));

        Assert.Contains(result.Errors, e => e.Path == path);
    }

    [Theory]
    [InlineData(PolicySizeLimits.UserInline, 2_048)]
    [InlineData(PolicySizeLimits.GroupInline, 5_120)]
    [InlineData(PolicySizeLimits.RoleInline, 10_240)]
    [InlineData(PolicySizeLimits.Managed, 6_144)]
    public void SizeLimits_AreIamQuotas(int constant, int expected)
    {
        Assert.Equal(expected, constant);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    public void Parse_SizeOverLimit_IsRejectedCountingWithoutWhiteSpace(int extra, bool accepted)
    {
        var baseline = Padded(0);
        var size = baseline.Count(c => !char.IsWhiteSpace(c));
        var json = Padded(PolicySizeLimits.UserInline - size + extra);

        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity, PolicySizeLimits.UserInline));

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted, !result.Errors.Any(e => e.Code == PolicyProblemCode.PolicyTooLarge));
    }

    [Fact]
    public void Parse_WhiteSpace_DoesNotCountTowardsTheLimit()
    {
        var json = TestPolicies.Policy(TestPolicies.Statement("Allow", "s3:GetObject", "*")) + new string(' ', 5_000);

        var result = PolicyParser.Parse(json, new PolicyParseOptions(PolicyType.Identity, PolicySizeLimits.UserInline));

        Assert.True(result.Succeeded);
    }

    private static string Padded(int sidLength) =>
        $$$"""
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "{{{new string('S', sidLength)}}}", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
          ]
        }
        """;
}
