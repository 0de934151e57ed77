namespace IamService.Policies.Tests;

/// <summary>
/// The fast path decides an unconditional statement from the text of its Resource values; for every value it
/// takes on, that comparison must agree with the compiled pattern, and the decision with the explaining path.
/// </summary>
public class ResourceShortcutTests
{
    [Theory]
    [InlineData("arn:aws:s3:::bucket-17/*", "arn:aws:s3:::bucket-17/a/b:c", true)]
    [InlineData("arn:aws:s3:::bucket-17/*", "arn:aws:s3:::bucket-17", false)]
    [InlineData("arn:aws:s3:::bucket-17/*", "arn:aws:s3:::Bucket-17/a", false)]
    [InlineData("arn:aws:s3:::bucket-17", "arn:aws:s3:::bucket-17", true)]
    [InlineData("arn:aws:s3:::bucket-17", "arn:aws:s3:::bucket-17/a", false)]
    [InlineData("arn:aws:s3:::*", "arn:aws:s3:::", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/i-1*", "arn:aws:ec2:eu-west-1:111122223333:instance/i-12", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/i-1*", "arn:aws:ec2::111122223333:instance/i-1", true)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/i-1*", "arn:aws:ec2:a:b:111122223333:instance/i-1", false)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/i-1*", "arn:aws:ec2:us-east-1:444455556666:instance/i-1", false)]
    [InlineData("arn:aws:ec2:*:111122223333:instance/i-1*", "arn:aws:ec2:us-east-1:111122223333", false)]
    [InlineData("arn:aws:ec2:*:*:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-1", true)]
    [InlineData("arn:aws:ec2:*:*:instance/i-1", "arn:aws:ec2:us-east-1:111122223333:instance/i-10", false)]
    [InlineData("arn:aws:logs:*:111122223333:log-group:g-1:*", "arn:aws:logs:x:111122223333:log-group:g-1:s", true)]
    [InlineData("arn:aws:logs:*:111122223333:log-group:g-1:*", "arn:aws:logs:x:111122223333:log-group:g-12:s", false)]
    public void Decide_UnconditionalStatement_AgreesWithThePattern(string pattern, string resource, bool expected)
    {
        var compiled = ArnPattern.Compile(pattern, variables: true);
        var set = TestPolicies.Identity(TestPolicies.Policy(
            TestPolicies.Statement("Allow", "ec2:StartInstances", pattern)));
        var request = TestPolicies.Request("ec2:StartInstances", resource);

        Assert.True(ResourceShortcut.Create([pattern], isNotResource: false).IsAvailable);
        Assert.Equal(expected, compiled.IsMatch(resource, in request, trace: null));
        Assert.Equal(expected, ResourceShortcut.Create([pattern], isNotResource: false).Matches(resource));
        Assert.Equal(expected, PolicyEvaluator.Decide(in request, set) == PolicyDecision.Allowed);
        Assert.Equal(expected, PolicyEvaluator.Evaluate(in request, set).IsAllowed);
    }

    [Theory]
    [InlineData("arn:aws:s3:::home/${aws:username}/*")]
    [InlineData("arn:aws:s3:::x?y/*")]
    [InlineData("arn:aws:s3:::a*b")]
    [InlineData("arn:aws:ec2:us-*:111122223333:instance/i-1")]
    public void Create_PatternBeyondTheShortcut_LeavesItToTheStatement(string pattern)
    {
        Assert.False(ResourceShortcut.Create([pattern], isNotResource: false).IsAvailable);
    }

    [Fact]
    public void Decide_DenyAfterManyAllows_StillWins()
    {
        // The fast path reads Deny entries first and stops at an Allow; a Deny written last must still win.
        var set = TestPolicies.Identity(
            TestPolicies.Policy(
                TestPolicies.Statement("Allow", "s3:GetObject", "*"),
                TestPolicies.Statement("Allow", "s3:Get*", "arn:aws:s3:::b/*")),
            TestPolicies.Policy(TestPolicies.Statement("Deny", "s3:GetObject", "arn:aws:s3:::b/secret/*")));
        var denied = TestPolicies.Request("s3:GetObject", "arn:aws:s3:::b/secret/x");
        var allowed = TestPolicies.Request("s3:GetObject", "arn:aws:s3:::b/open/x");

        Assert.Equal(PolicyDecision.ExplicitDeny, PolicyEvaluator.Decide(in denied, set));
        Assert.Equal(PolicyDecision.Allowed, PolicyEvaluator.Decide(in allowed, set));
    }

    [Fact]
    public void Decide_ConditionThatFailsAfterAnAllow_StillFailsClosed()
    {
        // An unconditional Allow applies first in the policy, but a later conditional Allow cannot be evaluated:
        // the decision fails closed on both paths.
        var set = TestPolicies.Identity(TestPolicies.Policy(
            TestPolicies.Statement("Allow", "s3:GetObject", "*"),
            TestPolicies.Statement("Allow", "s3:GetObject", "*", """{"NumericLessThan":{"s3:max-keys":"10"}}""")));
        var context = new RequestContextBuilder().Add("s3:max-keys", "not-a-number").Build();
        var request = TestPolicies.Request("s3:GetObject", "arn:aws:s3:::b/x", context);

        Assert.Equal(PolicyDecision.ImplicitDeny, PolicyEvaluator.Decide(in request, set));
        Assert.Equal(DenialReason.EvaluationError, PolicyEvaluator.Evaluate(in request, set).Reason);
    }
}
