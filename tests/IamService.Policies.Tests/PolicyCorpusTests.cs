namespace IamService.Policies.Tests;

/// <summary>
/// Every accepted policy form with a request and its expected decision. Stored policies use these forms:
/// removing or changing one breaks them, so each entry stays.
/// </summary>
public class PolicyCorpusTests
{
    private const string Obj = "arn:aws:s3:::example-bucket/reports/q1.csv";

    public static TheoryData<string, string, string, string, PolicyDecision> Corpus => new()
    {
        {
            "single statement object, no array",
            """{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}""",
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "no Version element",
            """{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""",
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "legacy 2008-10-17 Version with Id and Sid",
            """
                {"Version":"2008-10-17","Id":"legacy","Statement":[
                {"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "action and resource lists",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],
                  "Resource":["arn:aws:s3:::example-bucket","arn:aws:s3:::example-bucket/*"]}]}
                """,
            "s3:ListBucket", "arn:aws:s3:::example-bucket", PolicyDecision.Allowed
        },
        {
            "wildcard action on prefix",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::example-bucket/reports/*"}]}
                """,
            "s3:GetObjectVersion", Obj, PolicyDecision.Allowed
        },
        {
            "explicit deny overrides allow",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*"},
                {"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}
                """,
            "s3:DeleteObject", Obj, PolicyDecision.ExplicitDeny
        },
        {
            "NotAction deny outside iam",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"*","Resource":"*"},
                {"Effect":"Deny","NotAction":"iam:*","Resource":"*"}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.ExplicitDeny
        },
        {
            "NotResource deny",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*"},
                {"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::example-bucket/*"}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "condition with JSON number and Boolean values",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:ListBucket","Resource":"*",
                  "Condition":{"NumericLessThanEquals":{"s3:max-keys":100},"Bool":{"aws:SecureTransport":true}}}]}
                """,
            "s3:ListBucket", "arn:aws:s3:::example-bucket", PolicyDecision.Allowed
        },
        {
            "deny without TLS using BoolIfExists",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*"},
                {"Effect":"Deny","Action":"s3:*","Resource":"*",
                  "Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "source IP restriction, IPv4 and IPv6",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"IpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:DB8::/32"]}}}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "time window with dates",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"*",
                  "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2024-01-01T00:00:00Z"},
                    "DateLessThan":{"aws:CurrentTime":"2024-12-31T23:59:59Z"}}}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "tag-based access with a variable",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:GetObject","Resource":"*",
                  "Condition":{"StringEquals":{"s3:ExistingObjectTag/Department":"${aws:PrincipalTag/Department}"}}}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.Allowed
        },
        {
            "home directory with a variable",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::example-bucket/home/${aws:username}/*"}]}
                """,
            "s3:GetObject", "arn:aws:s3:::example-bucket/home/alice/a.txt", PolicyDecision.Allowed
        },
        {
            "ForAllValues on request tag keys",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"ec2:CreateTags","Resource":"*",
                  "Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}}]}
                """,
            "ec2:CreateTags", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", PolicyDecision.Allowed
        },
        {
            "ForAnyValue on request tag keys",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Deny","Action":"ec2:CreateTags","Resource":"*",
                  "Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":"aws:*"}}},
                {"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}
                """,
            "ec2:CreateTags", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", PolicyDecision.Allowed
        },
        {
            "Null check on MFA",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"*","Resource":"*"},
                {"Effect":"Deny","Action":"*","Resource":"*",
                  "Condition":{"Null":{"aws:MultiFactorAuthAge":"true"}}}]}
                """,
            "s3:GetObject", Obj, PolicyDecision.ExplicitDeny
        },
        {
            "ArnLike on the source ARN",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"sns:Publish","Resource":"*",
                  "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::example-*"}}}]}
                """,
            "sns:Publish", "arn:aws:sns:us-east-1:111122223333:topic", PolicyDecision.Allowed
        },
        {
            "region restriction with StringNotEquals",
            """
                {"Version":"2012-10-17","Statement":[
                {"Effect":"Allow","Action":"*","Resource":"*"},
                {"Effect":"Deny","Action":"*","Resource":"*",
                  "Condition":{"StringNotEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}}}]}
                """,
            "ec2:RunInstances", "*", PolicyDecision.ExplicitDeny
        },
        {
            "action from an unrelated service",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:*","Resource":"*"}]}""",
            "s3:GetObject", Obj, PolicyDecision.ImplicitDeny
        },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_AcceptedForm_GivesExpectedDecision(
        string form,
        string json,
        string action,
        string resource,
        PolicyDecision expected)
    {
        var set = new PolicySet([TestPolicies.Compile(json, id: form)]);
        var request = TestPolicies.Request(action, resource, CorpusContext);

        Assert.Equal(expected, PolicyEvaluator.Decide(in request, set));
        Assert.Equal(expected, PolicyEvaluator.Evaluate(in request, set).Decision);
    }

    /// <summary>The request context every corpus entry is evaluated with.</summary>
    private static readonly RequestContext CorpusContext = new RequestContextBuilder()
        .AddPrincipalKeys(TestPolicies.Alice)
        .AddBoolean("aws:SecureTransport", true)
        .AddNumber("s3:max-keys", 50)
        .AddIpAddress("aws:SourceIp", System.Net.IPAddress.Parse("2001:db8::10"))
        .AddDate("aws:CurrentTime", new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero))
        .Add("s3:ExistingObjectTag/Department", "Finance")
        .Add("aws:TagKeys", ["Project"])
        .Add("aws:SourceArn", "arn:aws:s3:::example-uploads")
        .Add("aws:RequestedRegion", "ap-south-1")
        .Build();
}
