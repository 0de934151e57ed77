using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IamService.Policies.Tests;

/// <summary>Invariants of the decision rule over generated policies and requests.</summary>
public class PolicyPropertyTests
{
    [Property(Arbitrary = [typeof(PolicyGenerators)])]
    public bool AddingADeny_NeverTurnsADenyIntoAnAllow(Scenario scenario, GeneratedStatement extra)
    {
        var denyStatement = extra with { Effect = "Deny" };
        var before = scenario.Decide();
        var after = scenario with { Identity = [.. scenario.Identity, denyStatement] };

        return before == PolicyDecision.Allowed || after.Decide() != PolicyDecision.Allowed;
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)])]
    public bool StatementOrder_NeverChangesTheDecision(Scenario scenario, int seed)
    {
        var shuffled = scenario with
        {
            Identity = [.. scenario.Identity.OrderBy(s => HashCode.Combine(s.GetHashCode(), seed))],
            Boundary = scenario.Boundary is null ? null : [.. scenario.Boundary.Reverse()],
        };

        return scenario.Decide() == shuffled.Decide();
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)])]
    public bool UnconditionalAllowAll_AllowsWhateverNoDenyMatches(Scenario scenario, bool serviceForm)
    {
        // "*" and "*:*" both name every action of every service.
        var action = serviceForm ? "\"*:*\"" : "\"*\"";
        var allowAll = new GeneratedStatement("Allow", action, false, "\"*\"", false, null);
        var withAllowAll = scenario with
        {
            Identity = [.. scenario.Identity, allowAll],
            Boundary = null,
            Session = null,
        };

        // The only ways left to be refused are a matching Deny, or a statement that failed to evaluate and so
        // fails closed; "nothing allows" can no longer happen.
        var result = withAllowAll.Evaluate();
        return result.Reason switch
        {
            DenialReason.None => result.Decision == PolicyDecision.Allowed,
            DenialReason.ExplicitDenyInIdentityPolicy =>
                result.MatchedStatements.All(s => s.Effect == PolicyEffect.Deny),
            DenialReason.EvaluationError => result.Decision == PolicyDecision.ImplicitDeny,
            _ => false,
        };
    }

    [Property(Arbitrary = [typeof(PolicyGenerators)], MaxTest = 300)]
    public bool FastPath_AlwaysAgreesWithTheExplainingPath(Scenario scenario) =>
        scenario.Decide() == scenario.Evaluate().Decision;

    /// <summary>A statement drawn from a small vocabulary that overlaps the generated requests.</summary>
    public sealed record GeneratedStatement(
        string Effect,
        string Action,
        bool NotAction,
        string Resource,
        bool NotResource,
        string? Condition)
    {
        public string ToJson()
        {
            var action = NotAction ? "NotAction" : "Action";
            var resource = NotResource ? "NotResource" : "Resource";
            var condition = Condition is null ? string.Empty : $",\"Condition\":{Condition}";
            return $$$"""
                {"Effect":"{{{Effect}}}","{{{action}}}":{{{Action}}},"{{{resource}}}":{{{Resource}}}{{{condition}}}}
                """;
        }
    }

    /// <summary>Identity statements, an optional boundary and session policy, and one request.</summary>
    public sealed record Scenario(
        GeneratedStatement[] Identity,
        GeneratedStatement[]? Boundary,
        GeneratedStatement[]? Session,
        string Action,
        string Resource,
        int ContextIndex)
    {
        public PolicyDecision Decide()
        {
            var (request, set) = Build();
            return PolicyEvaluator.Decide(in request, set);
        }

        public EvaluationResult Evaluate()
        {
            var (request, set) = Build();
            return PolicyEvaluator.Evaluate(in request, set);
        }

        public override string ToString() =>
            $"{Action} on {Resource} with context {ContextIndex}; identity: "
            + string.Join(", ", Identity.Select(s => s.ToJson()))
            + $"; boundary: {Describe(Boundary)}; session: {Describe(Session)}";

        private (AccessRequest Request, PolicySet Set) Build()
        {
            // Splitting statements over two identity policies also exercises the multi-policy scan.
            var half = Identity.Length / 2;
            var identity = new[] { Identity[..half], Identity[half..] }
                .Where(part => part.Length > 0)
                .Select(Compile)
                .ToArray();
            var set = new PolicySet(
                identity,
                Boundary is null ? null : Compile(Boundary),
                Session is null ? null : [Compile(Session)]);
            var request = new AccessRequest(
                TestPolicies.Alice,
                Action,
                Resource,
                PolicyGenerators.Contexts[ContextIndex]);
            return (request, set);
        }

        private static CompiledPolicy Compile(GeneratedStatement[] statements) =>
            TestPolicies.Compile(TestPolicies.Policy([.. statements.Select(s => s.ToJson())]));

        private static string Describe(GeneratedStatement[]? statements) =>
            statements is null ? "none" : string.Join(", ", statements.Select(s => s.ToJson()));
    }
}

/// <summary>FsCheck generators for <see cref="PolicyPropertyTests"/>.</summary>
public static class PolicyGenerators
{
    internal static readonly RequestContext[] Contexts =
    [
        RequestContext.Empty,
        new RequestContextBuilder()
            .AddPrincipalKeys(TestPolicies.Alice)
            .AddIpAddress("aws:SourceIp", System.Net.IPAddress.Parse("10.1.2.3"))
            .AddBoolean("aws:SecureTransport", true)
            .Add("aws:TagKeys", ["Project", "Owner"])
            .Build(),
        new RequestContextBuilder()
            .Add("aws:username", "bob")
            .AddIpAddress("aws:SourceIp", System.Net.IPAddress.Parse("192.0.2.1"))
            .AddBoolean("aws:SecureTransport", false)
            .Add("aws:TagKeys", Array.Empty<string>())
            .Add("s3:max-keys", "not-a-number")
            .Build(),
    ];

    private static readonly string[] Actions =
        ["s3:GetObject", "s3:PutObject", "s3:ListBucket", "ec2:RunInstances", "iam:PassRole", "sqs:SendMessage"];

    private static readonly string[] ActionPatterns =
    [
        "\"*\"", "\"s3:*\"", "\"s3:Get*\"", "\"s3:GetObject\"", "\"ec2:*\"", "\"s*:*\"", "\"iam:Pass?ole\"",
        "[\"s3:PutObject\",\"sqs:*\"]",
    ];

    private static readonly string[] Resources =
    [
        "arn:aws:s3:::example-bucket/home/alice/a.txt",
        "arn:aws:s3:::example-bucket/public/b.txt",
        "arn:aws:s3:::other-bucket/c",
        "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
        "*",
    ];

    private static readonly string[] ResourcePatterns =
    [
        "\"*\"", "\"arn:aws:s3:::example-bucket/*\"", "\"arn:aws:s3:::example-bucket/home/${aws:username}/*\"",
        "\"arn:aws:s3:::*-bucket/p*\"", "\"arn:aws:ec2:*:111122223333:instance/*\"",
        "[\"arn:aws:s3:::other-bucket/*\",\"arn:aws:s3:::example-bucket/public/*\"]",
        "\"arn:aws:s3:::other-bucket/c\"", "\"arn:aws:ec2:*:111122223333:instance/i-1\"",
        "[\"arn:aws:ec2:us-east-1:*:instance/i-?\",\"arn:aws:s3:::example-bucket/public/b.txt\"]",
    ];

    private static readonly string?[] Conditions =
    [
        null,
        null,
        """{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}""",
        """{"Bool":{"aws:SecureTransport":"false"}}""",
        """{"StringEquals":{"aws:username":"alice"}}""",
        """{"StringNotEquals":{"aws:username":["alice","carol"]}}""",
        """{"ForAllValues:StringEquals":{"aws:TagKeys":["Project","Owner"]}}""",
        """{"ForAnyValue:StringEquals":{"aws:TagKeys":"Owner"}}""",
        """{"Null":{"aws:username":"true"}}""",
        """{"NumericLessThanIfExists":{"s3:max-keys":"10"}}""",
        """{"StringEqualsIgnoreCase":{"aws:PrincipalTag/Department":"FINANCE"}}""",
    ];

    public static Arbitrary<PolicyPropertyTests.GeneratedStatement> Statement() => StatementGen.ToArbitrary();

    public static Arbitrary<PolicyPropertyTests.Scenario> Scenario()
    {
        var statements = Gen.NonEmptyListOf(StatementGen).Select(list => list.Take(8).ToArray());
        var optional = Gen.OneOf(
            Gen.Constant<PolicyPropertyTests.GeneratedStatement[]?>(null),
            statements.Select(s => (PolicyPropertyTests.GeneratedStatement[]?)s));
        var generator =
            from identity in statements
            from boundary in optional
            from session in optional
            from action in Gen.Elements(Actions)
            from resource in Gen.Elements(Resources)
            from context in Gen.Choose(0, Contexts.Length - 1)
            select new PolicyPropertyTests.Scenario(identity, boundary, session, action, resource, context);
        return generator.ToArbitrary();
    }

    private static Gen<PolicyPropertyTests.GeneratedStatement> StatementGen =>
        from effect in Gen.Elements("Allow", "Deny")
        from action in Gen.Elements(ActionPatterns)
        from notAction in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from resource in Gen.Elements(ResourcePatterns)
        from notResource in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from condition in Gen.Elements(Conditions)
        select new PolicyPropertyTests.GeneratedStatement(effect, action, notAction, resource, notResource, condition);
}
