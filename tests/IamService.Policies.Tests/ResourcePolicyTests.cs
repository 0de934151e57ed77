using static IamService.Policies.Tests.TestPolicies;

namespace IamService.Policies.Tests;

/// <summary>
/// Resource-based policies within and across accounts (IAM: "Policy evaluation logic", "Cross-account policy
/// evaluation logic", "Principal").
/// </summary>
public class ResourcePolicyTests
{
    private static readonly string AllowGetAll = Policy(Statement("Allow", "s3:GetObject", "*"));

    [Theory]
    [InlineData($$$"""{"AWS":"{{{AliceArn}}}"}""", true)]
    [InlineData("""
        {"AWS":["arn:aws:iam::111122223333:user/bob","arn:aws:iam::111122223333:user/division/alice"]}
        """, true)]
    [InlineData("""{"AWS":"arn:aws:iam::111122223333:user/bob"}""", false)]
    [InlineData("\"*\"", true)]
    [InlineData("""{"AWS":"*"}""", true)]
    [InlineData("""{"Service":"s3.amazonaws.com"}""", false)]
    public void Evaluate_SameAccountResourcePolicy_GrantsThePrincipalsItNames(string principal, bool allowed)
    {
        var set = WithResourcePolicy([], Grant("Allow", principal, "s3:GetObject", Bucket + "/*"), Account);

        Assert.Equal(allowed, Evaluate(set, Alice).IsAllowed);
    }

    [Theory]
    // Naming the account delegates to the account's identity-based policies.
    [InlineData("""{"AWS":"111122223333"}""")]
    [InlineData("""{"AWS":"arn:aws:iam::111122223333:root"}""")]
    public void Evaluate_ResourcePolicyNamingOnlyTheAccount_NeedsAnIdentityAllow(string principal)
    {
        var grant = Grant("Allow", principal, "s3:GetObject", Bucket + "/*");

        var withoutIdentityAllow = Evaluate(WithResourcePolicy([], grant, Account), Alice);
        Assert.Equal(DenialReason.NoIdentityPolicyAllows, withoutIdentityAllow.Reason);
        Assert.True(Evaluate(WithResourcePolicy([AllowGetAll], grant, Account), Alice).IsAllowed);
    }

    [Fact]
    public void Evaluate_ResourcePolicyNamingTheUser_IsNotCappedByItsBoundary()
    {
        var grant = Grant("Allow", $$$"""{"AWS":"{{{AliceArn}}}"}""", "s3:GetObject", Bucket + "/*");
        var boundary = Compile(Policy(Statement("Allow", "ec2:*", "*")));
        var set = WithResourcePolicy([], grant, Account, boundary: boundary);

        var result = Evaluate(set, Alice);

        Assert.Equal(PolicyDecision.Allowed, result.Decision);
        Assert.False(result.AllowedByPermissionsBoundary);
        Assert.Equal(PolicySlot.Resource, Assert.Single(result.MatchedStatements).Slot);
    }

    [Fact]
    public void Evaluate_ResourcePolicyNamingTheSession_IsNotCappedBySessionPolicyOrBoundary()
    {
        var grant = Grant("Allow", $$$"""{"AWS":"{{{SessionArn}}}"}""", "s3:GetObject", Bucket + "/*");
        var narrow = Compile(Policy(Statement("Allow", "ec2:*", "*")));
        var set = WithResourcePolicy([], grant, Account, boundary: narrow, session: narrow);

        Assert.Equal(PolicyDecision.Allowed, Evaluate(set, Session).Decision);
    }

    [Theory]
    [InlineData(false, false, PolicyDecision.Allowed, DenialReason.None)]
    [InlineData(true, false, PolicyDecision.ImplicitDeny, DenialReason.PermissionsBoundaryDoesNotAllow)]
    [InlineData(false, true, PolicyDecision.ImplicitDeny, DenialReason.SessionPolicyDoesNotAllow)]
    public void Evaluate_ResourcePolicyNamingTheRole_IsCappedByBoundaryAndSessionPolicy(
        bool withBoundary,
        bool withSessionPolicy,
        PolicyDecision decision,
        DenialReason reason)
    {
        var grant = Grant("Allow", $$$"""{"AWS":"{{{RoleArn}}}"}""", "s3:GetObject", Bucket + "/*");
        var narrow = Compile(Policy(Statement("Allow", "ec2:*", "*")));
        var set = WithResourcePolicy(
            [],
            grant,
            Account,
            boundary: withBoundary ? narrow : null,
            session: withSessionPolicy ? narrow : null);

        var result = Evaluate(set, Session);

        Assert.Equal((decision, reason), (result.Decision, result.Reason));
    }

    [Fact]
    public void Evaluate_DenyInResourcePolicy_BeatsIdentityAllow()
    {
        var deny = Grant("Deny", "\"*\"", "s3:*", Bucket + "/*");

        var result = Evaluate(WithResourcePolicy([AllowGetAll], deny, Account), Alice);

        Assert.Equal(DenialReason.ExplicitDenyInResourcePolicy, result.Reason);
    }

    [Fact]
    public void Evaluate_ResourceDenyNamingSomeoneElse_DoesNotApply()
    {
        var deny = Grant("Deny", """{"AWS":"arn:aws:iam::111122223333:user/bob"}""", "s3:*", Bucket + "/*");

        Assert.True(Evaluate(WithResourcePolicy([AllowGetAll], deny, Account), Alice).IsAllowed);
    }

    [Theory]
    // IAM "NotPrincipal": the statement applies to every principal except those listed.
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Evaluate_DenyWithNotPrincipal_SparesOnlyTheListedPrincipals(bool callerIsAlice, bool denied)
    {
        var deny = $$$"""{"Effect":"Deny","NotPrincipal":{"AWS":"{{{AliceArn}}}"},"Action":"s3:*","Resource":"*"}""";
        var allow = Grant("Allow", "\"*\"", "s3:*", "*");
        var caller = callerIsAlice ? Alice : Outsider;
        var set = WithResourcePolicy([AllowGetAll], Policy(deny, allow), Account);

        Assert.Equal(denied, Evaluate(set, caller).Decision == PolicyDecision.ExplicitDeny);
    }

    [Theory]
    // Cross-account: the caller's identity-based policies and the owner's resource-based policy must both allow.
    [InlineData(true, true, PolicyDecision.Allowed, DenialReason.None)]
    [InlineData(true, false, PolicyDecision.ImplicitDeny, DenialReason.NoResourcePolicyAllows)]
    [InlineData(false, true, PolicyDecision.ImplicitDeny, DenialReason.NoIdentityPolicyAllows)]
    public void Evaluate_CrossAccount_NeedsBothSides(
        bool identityAllows,
        bool resourceAllows,
        PolicyDecision decision,
        DenialReason reason)
    {
        var principal = resourceAllows ? """
            {"AWS":"444455556666"}
            """ : """{"AWS":"arn:aws:iam::444455556666:user/bob"}""";
        var grant = Grant("Allow", principal, "s3:GetObject", Bucket + "/*");
        var set = WithResourcePolicy(identityAllows ? [AllowGetAll] : [], grant, Account);

        var result = Evaluate(set, Outsider);

        Assert.Equal((decision, reason), (result.Decision, result.Reason));
    }

    [Fact]
    public void Evaluate_CrossAccountGrantToTheUser_IsStillCappedByItsBoundary()
    {
        var grant = Grant("Allow", """{"AWS":"arn:aws:iam::444455556666:user/mallory"}""", "s3:GetObject", "*");
        var boundary = Compile(Policy(Statement("Allow", "ec2:*", "*")));
        var set = WithResourcePolicy([AllowGetAll], grant, Account, boundary: boundary);

        Assert.Equal(DenialReason.PermissionsBoundaryDoesNotAllow, Evaluate(set, Outsider).Reason);
    }

    [Theory]
    [InlineData("ec2.amazonaws.com", PrincipalType.Service, true)]
    [InlineData("lambda.amazonaws.com", PrincipalType.Service, false)]
    [InlineData("ec2.amazonaws.com", PrincipalType.User, false)]
    public void Evaluate_TrustPolicyNamingAService_LetsThatServiceAssumeTheRole(
        string callerArn,
        PrincipalType type,
        bool allowed)
    {
        var trust = CompiledPolicy.Compile(
            Parse(
                """
                    {"Version":"2012-10-17","Statement":[
                    {"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}
                    """,
                PolicyType.Trust),
            new PolicySource("trust", PolicySourceKind.TrustPolicy));
        var caller = new RequestPrincipal(callerArn, callerArn, type, Account);
        var set = new PolicySet([], resourcePolicy: new ResourceBasedPolicy(trust, Account));
        var request = new AccessRequest(caller, "sts:AssumeRole", RoleArn);

        Assert.Equal(allowed, PolicyEvaluator.Decide(in request, set) == PolicyDecision.Allowed);
    }

    private static PolicySet WithResourcePolicy(
        string[] identity,
        string resourcePolicy,
        string ownerAccount,
        CompiledPolicy? boundary = null,
        CompiledPolicy? session = null)
    {
        var isPolicy = resourcePolicy.StartsWith("{\"Version\"", StringComparison.Ordinal);
        var json = isPolicy ? resourcePolicy : Policy(resourcePolicy);
        var compiled = Compile(json, PolicyType.ResourceBased, "bucket-policy", PolicySourceKind.ResourcePolicy);
        return new PolicySet(
            [.. identity.Select(p => Compile(p))],
            boundary,
            session is null ? null : [session],
            new ResourceBasedPolicy(compiled, ownerAccount));
    }

    private static EvaluationResult Evaluate(PolicySet set, RequestPrincipal caller) =>
        EvaluationLogicTests.Explain(set, "s3:GetObject", caller);
}
