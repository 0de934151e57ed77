namespace IamService.Policies.Tests;

/// <summary>Policy variables in Resource and condition values (IAM: "Policy variables").</summary>
public class PolicyVariableTests
{
    private static readonly RequestContext AliceKeys =
        new RequestContextBuilder().AddPrincipalKeys(TestPolicies.Alice).Build();

    [Theory]
    [InlineData("home/alice/notes.txt", true)]
    [InlineData("home/alice/deep/path.txt", true)]
    [InlineData("home/bob/notes.txt", false)]
    [InlineData("home/Alice/notes.txt", false)]
    public void Variable_UsernameInResource_MatchesOnlyThatUsersPrefix(string key, bool expected)
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/home/${aws:username}/*");

        var decision = TestPolicies.Decide(set, "s3:GetObject", $"{TestPolicies.Bucket}/{key}", AliceKeys);

        Assert.Equal(expected, decision == PolicyDecision.Allowed);
    }

    [Fact]
    public void Variable_KeyMissingFromContext_DoesNotMatchAndIsReported()
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/home/${aws:username}/*");
        var request = TestPolicies.Request("s3:GetObject", TestPolicies.Bucket + "/home/alice/a");

        var result = PolicyEvaluator.Evaluate(in request, set);

        Assert.Equal(PolicyDecision.ImplicitDeny, result.Decision);
        Assert.Equal(["aws:username"], result.MissingContextKeys);
    }

    [Theory]
    [InlineData("home/anonymous/a", true)]
    [InlineData("home/alice/a", false)]
    public void Variable_WithDefault_UsesDefaultWhenKeyIsMissing(string key, bool expected)
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/home/${aws:username, 'anonymous'}/*");

        var decision = TestPolicies.Decide(set, "s3:GetObject", $"{TestPolicies.Bucket}/{key}");

        Assert.Equal(expected, decision == PolicyDecision.Allowed);
    }

    [Fact]
    public void Variable_WithDefault_PrefersThePresentKey()
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/home/${aws:username,'anonymous'}/*");

        var decision = TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/home/alice/a", AliceKeys);

        Assert.Equal(PolicyDecision.Allowed, decision);
    }

    [Theory]
    // ${*}, ${?} and ${$} stand for the literal characters, not wildcards.
    [InlineData("/file${*}name", "/file*name", true)]
    [InlineData("/file${*}name", "/fileXname", false)]
    [InlineData("/file${?}", "/file?", true)]
    [InlineData("/file${?}", "/fileA", false)]
    [InlineData("/price${$}", "/price$", true)]
    [InlineData("/it''s-${aws:username, 'it''s'}", "/it''s-it's", true)]
    public void Variable_Escapes_StandForLiteralCharacters(string pattern, string resource, bool expected)
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + pattern);

        var decision = TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + resource);

        Assert.Equal(expected, decision == PolicyDecision.Allowed);
    }

    [Fact]
    public void Variable_ValueContainingWildcard_IsMatchedLiterally()
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/home/${aws:username}/a");
        var context = new RequestContextBuilder().Add("aws:username", "*").Build();

        Assert.Equal(
            PolicyDecision.ImplicitDeny,
            TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/home/bob/a", context));
        Assert.Equal(
            PolicyDecision.Allowed,
            TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/home/*/a", context));
    }

    [Fact]
    public void Variable_MultivaluedKey_CannotBeSubstituted()
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/${test:Teams}/*");
        var context = new RequestContextBuilder().Add("test:Teams", ["blue"]).Build();

        Assert.Equal(
            PolicyDecision.ImplicitDeny,
            TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/blue/a", context));
    }

    [Theory]
    [InlineData("${aws:PrincipalTag/Project}", "Apollo", true)]
    [InlineData("${aws:PrincipalTag/Project}", "Gemini", false)]
    [InlineData("${aws:userid}", "AIDAALICE", true)]
    [InlineData("team-${aws:PrincipalTag/Department}-*", "team-Finance-eu", true)]
    public void Variable_InConditionValue_IsSubstituted(string policyValue, string contextValue, bool expected)
    {
        var op = policyValue.Contains('*', StringComparison.Ordinal) ? "StringLike" : "StringEquals";
        var condition = $$$"""{"{{{op}}}":{"test:Owner":"{{{policyValue}}}"}}""";
        var context = new RequestContextBuilder()
            .AddPrincipalKeys(TestPolicies.Alice)
            .Add("test:Owner", contextValue)
            .Build();

        Assert.Equal(expected, TestPolicies.EvaluateCondition(condition, context).IsAllowed);
    }

    [Fact]
    public void Variable_PrincipalTagInResource_IsReadFromThePrincipal()
    {
        var set = Set("Allow", "s3:GetObject", TestPolicies.Bucket + "/${aws:PrincipalTag/Department}/*");

        var decision = TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/Finance/report.csv");

        Assert.Equal(PolicyDecision.Allowed, decision);
    }

    [Theory]
    [InlineData("2008-10-17")]
    [InlineData(null)]
    public void Variable_InLegacyVersion_IsLiteralText(string? version)
    {
        var versionMember = version is null ? string.Empty : $"\"Version\":\"{version}\",";
        var statement = TestPolicies.Statement("Allow", "s3:GetObject", TestPolicies.Bucket + "/${aws:username}/*");
        var set = new PolicySet([TestPolicies.Compile($$$"""{{{{versionMember}}}"Statement":[{{{statement}}}]}""")]);

        Assert.Equal(
            PolicyDecision.ImplicitDeny,
            TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/alice/a", AliceKeys));
        Assert.Equal(
            PolicyDecision.Allowed,
            TestPolicies.Decide(set, "s3:GetObject", TestPolicies.Bucket + "/${aws:username}/a", AliceKeys));
    }

    [Fact]
    public void Variable_InAccountPartOfResource_IsSubstitutedWithinThatPart()
    {
        var set = Set("Allow", "iam:GetUser", "arn:aws:iam::${aws:PrincipalAccount}:user/*");

        Assert.Equal(
            PolicyDecision.Allowed,
            TestPolicies.Decide(set, "iam:GetUser", "arn:aws:iam::111122223333:user/bob", AliceKeys));
        Assert.Equal(
            PolicyDecision.ImplicitDeny,
            TestPolicies.Decide(set, "iam:GetUser", "arn:aws:iam::444455556666:user/bob", AliceKeys));
    }

    private static PolicySet Set(string effect, string action, string resource) =>
        TestPolicies.Identity(TestPolicies.Policy(TestPolicies.Statement(effect, action, resource)));
}
