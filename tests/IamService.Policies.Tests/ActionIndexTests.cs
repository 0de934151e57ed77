namespace IamService.Policies.Tests;

/// <summary>
/// The index that maps an action some statement names literally to the statements covering it: wildcard and
/// NotAction statements must still be found for such an action, in any spelling, across merged policies.
/// </summary>
public class ActionIndexTests
{
    private static readonly PolicySet Set = TestPolicies.Identity(
        TestPolicies.Policy(
            TestPolicies.Statement("Allow", "s3:GetObject", "*"),
            TestPolicies.Statement("Allow", "[\"sqs:SendMessage\",\"sqs:ReceiveMessage\"]", "*"),
            """{"Sid":"AllButIam","Effect":"Allow","NotAction":["iam:*","ec2:RunInstances"],"Resource":"*"}"""),
        TestPolicies.Policy(
            TestPolicies.Statement("Deny", "s3:Get*", "arn:aws:s3:::example-bucket/secret/*"),
            TestPolicies.Statement("Deny", "*:ReceiveMessage", "*"),
            TestPolicies.Statement("Allow", "iam:GetUser", "*")));

    [Theory]
    // Named literally and also covered by a wildcard Deny in another policy of the set.
    [InlineData("s3:GetObject", "arn:aws:s3:::example-bucket/secret/a", PolicyDecision.ExplicitDeny)]
    [InlineData("s3:GetObject", "arn:aws:s3:::example-bucket/open/a", PolicyDecision.Allowed)]
    // The index ignores case as action matching does.
    [InlineData("S3:GETOBJECT", "arn:aws:s3:::example-bucket/secret/a", PolicyDecision.ExplicitDeny)]
    [InlineData("SQS:sendmessage", "*", PolicyDecision.Allowed)]
    // A wildcard service part matches a literal action of another statement.
    [InlineData("sqs:ReceiveMessage", "*", PolicyDecision.ExplicitDeny)]
    // NotAction covers a literal action it does not list, and not one it does.
    [InlineData("iam:GetUser", "*", PolicyDecision.Allowed)]
    [InlineData("ec2:RunInstances", "*", PolicyDecision.ImplicitDeny)]
    // Actions named nowhere fall back to the service lists: wildcards and NotAction still apply.
    [InlineData("s3:GetObjectAcl", "arn:aws:s3:::example-bucket/secret/a", PolicyDecision.ExplicitDeny)]
    [InlineData("s3:GetObjectAcl", "arn:aws:s3:::example-bucket/open/a", PolicyDecision.Allowed)]
    [InlineData("iam:CreateUser", "*", PolicyDecision.ImplicitDeny)]
    [InlineData("kinesis:ReceiveMessage", "*", PolicyDecision.ExplicitDeny)]
    [InlineData("nocolon", "*", PolicyDecision.Allowed)]
    public void Decide_ActionNamedLiterallyOrNot_MatchesEveryCoveringStatement(
        string action,
        string resource,
        PolicyDecision expected)
    {
        var request = TestPolicies.Request(action, resource);

        Assert.Equal(expected, PolicyEvaluator.Decide(in request, Set));
        Assert.Equal(expected, PolicyEvaluator.Evaluate(in request, Set).Decision);
    }

    [Fact]
    public void Evaluate_LiteralAction_ReportsExactAndWildcardAndNotActionStatementsInPolicyOrder()
    {
        var set = TestPolicies.Identity(TestPolicies.Policy(
            TestPolicies.Statement("Allow", "s3:*", "*"),
            """{"Effect":"Allow","NotAction":"ec2:*","Resource":"*"}""",
            TestPolicies.Statement("Allow", "ec2:RunInstances", "*"),
            TestPolicies.Statement("Allow", "s3:GetObject", "*"),
            TestPolicies.Statement("Allow", "s3:Put*", "*")));
        var request = TestPolicies.Request("s3:getobject", "*");

        var result = PolicyEvaluator.Evaluate(in request, set);

        Assert.Equal([0, 1, 3], result.MatchedStatements.Select(m => m.StatementIndex));
    }

    [Fact]
    public void Decide_ActionsNamedNowhere_AnswerAlikeBeforeAndAfterTheIndexRemembersThem()
    {
        // The first 64 such actions are filtered once and remembered; later ones are checked per request. Each
        // action is asked three times, so answers from both the first filtering and the remembered list count.
        var set = TestPolicies.Identity(TestPolicies.Policy(
            TestPolicies.Statement("Allow", "s3:Get*", "*"),
            TestPolicies.Statement("Deny", "s3:GetSecret*", "*"),
            """{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"""));

        for (var i = 0; i < 100; i++)
        {
            foreach (var (action, expected) in new[]
            {
                ($"s3:GetThing{i}", PolicyDecision.Allowed),
                ($"S3:getsecret{i}", PolicyDecision.ExplicitDeny),
                ($"s3:PutThing{i}", PolicyDecision.ImplicitDeny),
                ($"ec2:Do{i}", PolicyDecision.Allowed),
            })
            {
                for (var time = 0; time < 3; time++)
                {
                    var request = TestPolicies.Request(action, "*");
                    Assert.Equal(expected, PolicyEvaluator.Decide(in request, set));
                    Assert.Equal(expected, PolicyEvaluator.Evaluate(in request, set).Decision);
                }
            }
        }
    }
}
