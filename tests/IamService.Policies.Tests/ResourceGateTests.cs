namespace IamService.Policies.Tests;

/// <summary>
/// The fast path's resource gate rules statements out by the literal head of their Resource values; it must
/// never rule out a statement whose patterns match, so the fast and explaining paths always agree.
/// </summary>
public class ResourceGateTests
{
    [Theory]
    [InlineData("\"arn:aws:s3:::bucket-17/*\"", "arn:aws:s3:::bucket-17/a", true)]
    [InlineData("\"arn:aws:s3:::bucket-17/*\"", "arn:aws:s3:::bucket-7/a", false)]
    [InlineData("\"arn:aws:s3:::bucket-17/*\"", "arn:aws:s3:::bucket-17", false)]
    [InlineData("\"arn:aws:s3:::bucket-17\"", "arn:aws:s3:::bucket-17", true)]
    [InlineData("[\"arn:aws:s3:::a-1/*\",\"arn:aws:s3:::b-2/*\"]", "arn:aws:s3:::b-2/x", true)]
    [InlineData("[\"arn:aws:s3:::a-1/*\",\"arn:aws:s3:::b-2/*\"]", "arn:aws:s3:::c-3/x", false)]
    [InlineData("[\"arn:aws:s3:::a/*\",\"arn:aws:s3:::b/*\",\"arn:aws:s3:::c/*\"]", "arn:aws:s3:::c/x", true)]
    [InlineData("[\"arn:aws:s3:::a-1/*\",\"*\"]", "arn:aws:s3:::z/x", true)]
    [InlineData("\"arn:aws:ec2:*:111122223333:instance/*\"", "arn:aws:ec2:eu-west-1:111122223333:instance/i", true)]
    // A head that stops inside the first five parts gives way to the head of the resource part.
    [InlineData("\"arn:aws:ec2:*:111122223333:instance/i-17*\"", "arn:aws:ec2:eu:111122223333:instance/i-17a", true)]
    [InlineData("\"arn:aws:ec2:*:111122223333:instance/i-17*\"", "arn:aws:ec2:eu:111122223333:instance/i-18a", false)]
    [InlineData("\"arn:aws:ec2:*:*:instance/i-17\"", "arn:aws:ec2:eu:1:instance/i-17", true)]
    [InlineData("\"arn:aws:ec2:*:*:instance/i-17\"", "arn:aws:ec2:eu:1:2:instance/i-17", false)]
    [InlineData("\"arn:aws:ec2:us-*:*:instance/i-17\"", "arn:aws:ec2:us-east-1:1:instance/i-17", true)]
    [InlineData("\"arn:aws:ec2:*:*:instance/i-17\"", "arn:aws:ec2:instance/i-17", false)]
    [InlineData("\"arn:aws:s3:*:*:${aws:username}:x/*\"", "arn:aws:s3:a:b:alice:x/1", true)]
    [InlineData("\"arn:aws:s3:::home/${aws:username}/*\"", "arn:aws:s3:::home/alice/x", true)]
    [InlineData("\"arn:aws:s3:::home/${aws:username}/*\"", "arn:aws:s3:::home/bob/x", false)]
    [InlineData("\"arn:aws:s3:::x?y/*\"", "arn:aws:s3:::xzy/k", true)]
    public void Decide_GatedResource_AgreesWithThePatterns(string resources, string resource, bool expected)
    {
        var statement = $$$"""{"Effect":"Allow","Action":"s3:GetObject","Resource":{{{resources}}}}""";
        var set = TestPolicies.Identity(TestPolicies.Policy(statement));
        var context = new RequestContextBuilder().Add("aws:username", "alice").Build();
        var request = TestPolicies.Request("s3:GetObject", resource, context);

        Assert.Equal(expected, PolicyEvaluator.Decide(in request, set) == PolicyDecision.Allowed);
        Assert.Equal(expected, PolicyEvaluator.Evaluate(in request, set).IsAllowed);
    }

    [Theory]
    [InlineData("arn:aws:s3:::bucket-17/a", false)]
    [InlineData("arn:aws:s3:::bucket-7/a", true)]
    public void Decide_NotResource_GateStaysOpen(string resource, bool expected)
    {
        var statement = """{"Effect":"Allow","Action":"s3:GetObject","NotResource":"arn:aws:s3:::bucket-17/*"}""";
        var set = TestPolicies.Identity(TestPolicies.Policy(statement));

        Assert.Equal(expected, TestPolicies.Decide(set, "s3:GetObject", resource) == PolicyDecision.Allowed);
    }

    [Theory]
    [InlineData(new[] { "*" }, false)]
    [InlineData(new[] { "arn" }, false)]
    [InlineData(new[] { "arn:aws:s3:::a", "arn:aws:s3:::b", "arn:aws:s3:::c" }, false)]
    [InlineData(new[] { "arn:aws:s3:::a" }, true)]
    public void Create_OnlyLongLiteralHeads_CloseTheGate(string[] resources, bool closed)
    {
        var gate = ResourceGate.Create(resources, isNotResource: false);

        Assert.Equal(!closed, gate.Admits("unrelated"));
    }
}
