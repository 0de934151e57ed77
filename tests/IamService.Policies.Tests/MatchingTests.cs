namespace IamService.Policies.Tests;

/// <summary>Action and Resource matching with wildcards (IAM: "Action", "Resource").</summary>
public class MatchingTests
{
    [Theory]
    [InlineData("s3:GetObject", "s3:GetObject", true)]
    [InlineData("s3:GetObject", "S3:getobject", true)]
    [InlineData("S3:GETOBJECT", "s3:GetObject", true)]
    [InlineData("s3:Get*", "s3:GetObjectAcl", true)]
    [InlineData("s3:Get*", "s3:PutObject", false)]
    [InlineData("s3:Get?bject", "s3:GetObject", true)]
    [InlineData("s3:Get?bject", "s3:GetObjects", false)]
    [InlineData("s3:*", "s3:ListBucket", true)]
    [InlineData("s3:*", "s3control:ListJobs", false)]
    [InlineData("*", "ec2:RunInstances", true)]
    [InlineData("s*:Get*", "sqs:GetQueueUrl", true)]
    [InlineData("s*:Get*", "ec2:GetConsoleOutput", false)]
    [InlineData("*:Describe*", "ec2:DescribeInstances", true)]
    [InlineData("[\"ec2:*\",\"s3:GetObject\"]", "s3:GetObject", true)]
    [InlineData("[\"ec2:*\",\"s3:GetObject\"]", "s3:PutObject", false)]
    public void Action_Pattern_MatchesWithoutCaseAndWithWildcards(string pattern, string action, bool expected)
    {
        var set = TestPolicies.Identity(TestPolicies.Policy(TestPolicies.Statement("Allow", pattern, "*")));

        Assert.Equal(expected, TestPolicies.Decide(set, action, "*") == PolicyDecision.Allowed);
    }

    [Theory]
    [InlineData("s3:*", "ec2:RunInstances", true)]
    [InlineData("s3:*", "s3:GetObject", false)]
    [InlineData("[\"iam:*\",\"s*:Get*\"]", "sqs:GetQueueUrl", false)]
    [InlineData("[\"iam:*\",\"s*:Get*\"]", "sqs:SendMessage", true)]
    public void Action_NotAction_CoversEveryActionNotListed(string pattern, string action, bool expected)
    {
        var statement = $$$"""{"Effect":"Allow","NotAction":{{{Json(pattern)}}},"Resource":"*"}""";
        var set = TestPolicies.Identity(TestPolicies.Policy(statement));

        Assert.Equal(expected, TestPolicies.Decide(set, action, "*") == PolicyDecision.Allowed);
    }

    [Fact]
    public void Action_StatementsForOtherServices_AreNotConsulted()
    {
        var set = TestPolicies.Identity(TestPolicies.Policy(
            TestPolicies.Statement("Deny", "ec2:*", "*"),
            TestPolicies.Statement("Deny", "s3:Put*", "*"),
            TestPolicies.Statement("Allow", "s3:*", "*")));

        Assert.Equal(PolicyDecision.Allowed, TestPolicies.Decide(set, "s3:GetObject", "*"));
        Assert.Equal(PolicyDecision.ExplicitDeny, TestPolicies.Decide(set, "ec2:RunInstances", "*"));
        Assert.Equal(PolicyDecision.ExplicitDeny, TestPolicies.Decide(set, "s3:PutObject", "*"));
    }

    [Theory]
    [InlineData("*", "arn:aws:s3:::example-bucket/a", true)]
    [InlineData("*", "*", true)]
    [InlineData("arn:aws:s3:::example-bucket/*", "arn:aws:s3:::example-bucket/a/b/c", true)]
    [InlineData("arn:aws:s3:::example-bucket/*", "arn:aws:s3:::example-bucket", false)]
    [InlineData("arn:aws:s3:::example-bucket/*", "*", false)]
    [InlineData("arn:aws:s3:::Example-bucket/*", "arn:aws:s3:::example-bucket/a", false)]
    [InlineData("arn:aws:s3:::example-bucket/a?c", "arn:aws:s3:::example-bucket/abc", true)]
    [InlineData("arn:aws:s3:::example-bucket/a?c", "arn:aws:s3:::example-bucket/ac", false)]
    [InlineData("arn:aws:iam::*:user/*", "arn:aws:iam::111122223333:user/division/alice", true)]
    [InlineData("arn:aws:ec2:us-east-*:*:instance/*", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/*", "arn:aws:ec2:us-east-1:444455556666:instance/i-1", false)]
    // A wildcard stays inside its part: "*" in the region cannot swallow the colon before the account.
    [InlineData("arn:aws:ec2:*:111122223333:*", "arn:aws:ec2:us-east-1:x:111122223333:y", false)]
    // In the resource part "*" may span "/" and ":".
    [InlineData("arn:aws:logs:us-east-1:1:log-group:*", "arn:aws:logs:us-east-1:1:log-group:a:b", true)]
    [InlineData("arn:aws:sqs:*:111122223333:queue?", "arn:aws:sqs:eu-west-1:111122223333:queue1", true)]
    [InlineData("arn:*:s3:::example-bucket", "arn:aws-cn:s3:::example-bucket", true)]
    [InlineData("arn:aws:s3:::example-bucket", "not-an-arn", false)]
    public void Resource_Pattern_MatchesPartByPart(string pattern, string resource, bool expected)
    {
        var set = TestPolicies.Identity(TestPolicies.Policy(TestPolicies.Statement("Allow", "*", pattern)));

        Assert.Equal(expected, TestPolicies.Decide(set, "s3:GetObject", resource) == PolicyDecision.Allowed);
    }

    [Theory]
    [InlineData("arn:aws:s3:::example-bucket/private/*", "arn:aws:s3:::example-bucket/public/a", true)]
    [InlineData("arn:aws:s3:::example-bucket/private/*", "arn:aws:s3:::example-bucket/private/a", false)]
    public void Resource_NotResource_CoversEveryResourceNotListed(string pattern, string resource, bool expected)
    {
        var statement = $$$"""{"Effect":"Allow","Action":"s3:*","NotResource":"{{{pattern}}}"}""";
        var set = TestPolicies.Identity(TestPolicies.Policy(statement));

        Assert.Equal(expected, TestPolicies.Decide(set, "s3:GetObject", resource) == PolicyDecision.Allowed);
    }

    [Fact]
    public void Resource_PathologicalWildcards_DoNotBacktrackExponentially()
    {
        var pattern = "arn:aws:s3:::" + string.Concat(Enumerable.Repeat("a*", 40)) + "b";
        var resource = "arn:aws:s3:::" + new string('a', 5_000);
        var set = TestPolicies.Identity(TestPolicies.Policy(TestPolicies.Statement("Allow", "*", pattern)));

        Assert.Equal(PolicyDecision.ImplicitDeny, TestPolicies.Decide(set, "s3:GetObject", resource));
    }

    [Theory]
    [InlineData("", "", true)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("a*b*c", "aXXbYYc", true)]
    [InlineData("a*b*c", "aXXbYY", false)]
    [InlineData("*a", "bbba", true)]
    [InlineData("a**", "a", true)]
    [InlineData("*?*", "x", true)]
    [InlineData("a?c*", "abcdef", true)]
    [InlineData("*b?d*f", "abcdef", true)]
    [InlineData("*b?d*g", "abcdef", false)]
    [InlineData("ab*cd", "abcd", true)]
    [InlineData("ab*bc", "abc", false)]
    [InlineData("*aa*aa", "aaa", false)]
    [InlineData("*aa*aa", "aaaa", true)]
    [InlineData("x*y*z", "xyz", true)]
    public void Wildcards_Pattern_MatchesLikeIamWildcards(string pattern, string text, bool expected)
    {
        var compiled = TextPattern.Compile(pattern, PatternSyntax.Wildcards);

        Assert.Equal(expected, compiled.IsMatch(text));
    }

    private static string Json(string pattern) => pattern.StartsWith('[') ? pattern : $"\"{pattern}\"";
}
