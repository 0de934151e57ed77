using static IamService.Policies.Tests.TestPolicies;

namespace IamService.Policies.Tests;

/// <summary>The decision rule within one account (IAM: "Policy evaluation logic").</summary>
public class EvaluationLogicTests
{
    private static readonly string AllowS3 = Policy(Statement("Allow", "s3:*", "*"));
    private static readonly string AllowGet = Policy(Statement("Allow", "s3:GetObject", "*"));
    private static readonly string DenyPut = Policy(Statement("Deny", "s3:PutObject", "*"));

    [Fact]
    public void Evaluate_NoPolicies_IsImplicitDeny()
    {
        var result = Explain(new PolicySet([]), "s3:GetObject");

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(DenialReason.NoIdentityPolicyAllows, result.Reason);
        Assert.Empty(result.MatchedStatements);
        Assert.Null(result.AllowedByPermissionsBoundary);
        Assert.Null(result.AllowedBySessionPolicies);
    }

    [Fact]
    public void Evaluate_IdentityAllow_Allows()
    {
        var result = Explain(Identity(AllowS3), "s3:GetObject");

        Assert.Equal(PolicyDecision.Allowed, result.Decision);
        Assert.Equal(DenialReason.None, result.Reason);
    }

    [Fact]
    public void Evaluate_DenyInGroupPolicy_BeatsUserAllow()
    {
        var userPolicy = Compile(AllowS3, id: "user-inline", kind: PolicySourceKind.UserInlinePolicy);
        var groupPolicy = CompiledPolicy.Compile(
            Parse(Policy("""{"Sid":"NoWrites","Effect":"Deny","Action":"s3:Put*","Resource":"*"}""")),
            new PolicySource("group-inline", PolicySourceKind.GroupInlinePolicy) { GroupName = "Auditors" });

        var result = Explain(new PolicySet([userPolicy, groupPolicy]), "s3:PutObject");

        Assert.Equal(PolicyDecision.ExplicitDeny, result.Decision);
        Assert.Equal(DenialReason.ExplicitDenyInIdentityPolicy, result.Reason);
        var deciding = Assert.Single(result.MatchedStatements);
        Assert.Equal("group-inline", deciding.Source.Id);
        Assert.Equal("Auditors", deciding.Source.GroupName);
        Assert.Equal("NoWrites", deciding.Sid);
        Assert.Equal(0, deciding.StatementIndex);
        Assert.Equal(PolicySlot.Identity, deciding.Slot);
    }

    [Fact]
    public void Evaluate_ConditionalAllow_OnlyAllowsWhenConditionHolds()
    {
        var policy = Policy(Statement("Allow", "s3:*", "*", """{"Bool":{"aws:MultiFactorAuthPresent":"true"}}"""));
        var withMfa = new RequestContextBuilder().AddBoolean("aws:MultiFactorAuthPresent", true).Build();

        Assert.Equal(PolicyDecision.Allowed, Decide(Identity(policy), "s3:GetObject", Bucket, withMfa));
        Assert.Equal(PolicyDecision.ImplicitDeny, Decide(Identity(policy), "s3:GetObject", Bucket));
    }

    [Theory]
    // IAM "Permissions boundaries": effective permissions are what both identity policies and the boundary allow.
    [InlineData("s3:GetObject", PolicyDecision.Allowed, DenialReason.None, true)]
    [InlineData("s3:PutObject", PolicyDecision.ImplicitDeny, DenialReason.PermissionsBoundaryDoesNotAllow, false)]
    [InlineData("ec2:RunInstances", PolicyDecision.ImplicitDeny, DenialReason.NoIdentityPolicyAllows, false)]
    public void Evaluate_PermissionsBoundary_CapsIdentityAllows(
        string action,
        PolicyDecision decision,
        DenialReason reason,
        bool allowedByBoundary)
    {
        var boundary = Compile(AllowGet, PolicyType.PermissionsBoundary);
        var set = new PolicySet([Compile(AllowS3)], permissionsBoundary: boundary);

        var result = Explain(set, action);

        Assert.Equal((decision, reason), (result.Decision, result.Reason));
        Assert.Equal(allowedByBoundary, result.AllowedByPermissionsBoundary);
    }

    [Fact]
    public void Evaluate_BoundaryAllowAlone_GrantsNothing()
    {
        var set = new PolicySet([], permissionsBoundary: Compile(AllowS3, PolicyType.PermissionsBoundary));

        var result = Explain(set, "s3:GetObject");

        Assert.Equal(DenialReason.NoIdentityPolicyAllows, result.Reason);
        Assert.True(result.AllowedByPermissionsBoundary);
    }

    [Fact]
    public void Evaluate_DenyInBoundary_IsExplicitDeny()
    {
        var boundary = Compile(Policy(Statement("Allow", "*", "*"), Statement("Deny", "s3:PutObject", "*")));
        var set = new PolicySet([Compile(AllowS3)], permissionsBoundary: boundary);

        var result = Explain(set, "s3:PutObject");

        Assert.Equal(DenialReason.ExplicitDenyInPermissionsBoundary, result.Reason);
        Assert.Equal(PolicySlot.PermissionsBoundary, Assert.Single(result.MatchedStatements).Slot);
        Assert.False(result.AllowedByPermissionsBoundary);
    }

    [Theory]
    // IAM "Session policies": a session may do what both the role's policies and its session policies allow.
    [InlineData("s3:GetObject", PolicyDecision.Allowed, DenialReason.None)]
    [InlineData("s3:PutObject", PolicyDecision.ImplicitDeny, DenialReason.SessionPolicyDoesNotAllow)]
    public void Evaluate_SessionPolicy_CapsIdentityAllows(string action, PolicyDecision decision, DenialReason reason)
    {
        var set = new PolicySet([Compile(AllowS3)], sessionPolicies: [Compile(AllowGet, PolicyType.Session)]);

        var result = Explain(set, action, Session);

        Assert.Equal((decision, reason), (result.Decision, result.Reason));
        Assert.Equal(decision == PolicyDecision.Allowed, result.AllowedBySessionPolicies);
    }

    [Fact]
    public void Evaluate_SeveralSessionPolicies_AllowWhatAnyOfThemAllows()
    {
        var sessionPolicies = new[] { Compile(AllowGet), Compile(Policy(Statement("Allow", "s3:PutObject", "*"))) };
        var set = new PolicySet([Compile(AllowS3)], sessionPolicies: sessionPolicies);

        Assert.Equal(PolicyDecision.Allowed, Explain(set, "s3:PutObject", Session).Decision);
        Assert.Equal(DenialReason.SessionPolicyDoesNotAllow, Explain(set, "s3:DeleteObject", Session).Reason);
    }

    [Fact]
    public void Evaluate_DenyInSessionPolicy_IsExplicitDeny()
    {
        var session = Compile(Policy(Statement("Allow", "*", "*"), Statement("Deny", "s3:PutObject", "*")));
        var set = new PolicySet([Compile(AllowS3)], sessionPolicies: [session]);

        Assert.Equal(DenialReason.ExplicitDenyInSessionPolicy, Explain(set, "s3:PutObject", Session).Reason);
    }

    [Fact]
    public void Evaluate_BoundaryAndSessionBothCap_ReportsTheBoundaryFirst()
    {
        var set = new PolicySet(
            [Compile(AllowS3)],
            permissionsBoundary: Compile(AllowGet),
            sessionPolicies: [Compile(AllowGet)]);

        var result = Explain(set, "s3:PutObject", Session);

        Assert.Equal(DenialReason.PermissionsBoundaryDoesNotAllow, result.Reason);
        Assert.False(result.AllowedByPermissionsBoundary);
        Assert.False(result.AllowedBySessionPolicies);
    }

    [Fact]
    public void Evaluate_ImplicitDenyFromCap_ListsTheCappedAllows()
    {
        var set = new PolicySet(
            [Compile(AllowS3, id: "s3-full")],
            permissionsBoundary: Compile(AllowGet, id: "boundary"));

        var result = Explain(set, "s3:PutObject");

        Assert.Equal("s3-full", Assert.Single(result.MatchedStatements).Source.Id);
    }

    [Fact]
    public void Evaluate_ErrorInOneStatement_FailsClosedEvenWithAnotherAllow()
    {
        var policy = Policy(
            Statement("Allow", "s3:*", "*"),
            Statement("Allow", "s3:*", "*", """{"NumericLessThan":{"s3:max-keys":"10"}}"""));
        var context = new RequestContextBuilder().Add("s3:max-keys", "lots").Build();

        var result = Explain(Identity(policy), "s3:ListBucket", context: context);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(DenialReason.EvaluationError, result.Reason);
        Assert.Equal(1, Assert.Single(result.MatchedStatements).StatementIndex);
    }

    [Fact]
    public void Evaluate_FalseConditionNextToFailingOne_DoesNotApply()
    {
        // Conditions are ANDed: one false condition settles the statement whatever the other one says.
        const string condition = """{"NumericLessThan":{"s3:max-keys":"10"},"StringEquals":{"aws:username":"bob"}}""";
        var policy = Policy(Statement("Allow", "s3:*", "*"), Statement("Deny", "s3:*", "*", condition));
        var context = new RequestContextBuilder().Add("s3:max-keys", "lots").Add("aws:username", "alice").Build();

        var result = Explain(Identity(policy), "s3:ListBucket", context: context);

        Assert.Equal(PolicyDecision.Allowed, result.Decision);
    }

    [Fact]
    public void Evaluate_MissingKeysOfMatchingStatements_AreReported()
    {
        var policy = Policy(
            Statement("Allow", "s3:*", "*", """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"""),
            Statement("Deny", "s3:*", "*", """{"BoolIfExists":{"aws:SecureTransport":"false"}}"""),
            Statement("Allow", "ec2:*", "*", """{"StringEquals":{"ec2:Region":"us-east-1"}}"""));

        var result = Explain(Identity(policy), "s3:GetObject");

        Assert.Equal(["aws:SourceIp", "aws:SecureTransport"], result.MissingContextKeys);
    }

    [Fact]
    public void Decide_UninitializedRequest_Throws()
    {
        Assert.Throws<ArgumentException>(() => PolicyEvaluator.Decide(default, new PolicySet([])));
    }

    internal static EvaluationResult Explain(
        PolicySet set,
        string action,
        RequestPrincipal? principal = null,
        RequestContext? context = null,
        string resource = Bucket + "/key")
    {
        var request = Request(action, resource, context, principal);
        var result = PolicyEvaluator.Evaluate(in request, set);
        Assert.Equal(result.Decision, PolicyEvaluator.Decide(in request, set));
        return result;
    }
}
