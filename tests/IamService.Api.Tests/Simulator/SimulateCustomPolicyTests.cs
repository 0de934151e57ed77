using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Simulator;

public sealed class SimulateCustomPolicyTests : ApiTestBase
{
    private const string Uri = "/api/v1/simulator/custom";

    private const string AllowS3Get = """
        {"Version":"2012-10-17","Statement":{"Sid":"Read","Effect":"Allow","Action":"s3:Get*","Resource":"*"}}
        """;

    private const string DenyReports = """
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::reports/*"}]}
        """;

    [Fact]
    public async Task Simulate_IdentityAllow_IsAllowedAndNamesTheStatement()
    {
        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get },
            actionNames = new[] { "s3:GetObject" },
            resourceArns = new[] { "arn:aws:s3:::photos/cat.jpg" },
        });

        Assert.Equal("allowed", result.GetProperty("evalDecision").GetString());
        Assert.Equal("s3:GetObject", result.GetProperty("evalActionName").GetString());
        Assert.Equal("arn:aws:s3:::photos/cat.jpg", result.GetProperty("evalResourceName").GetString());
        var statement = Assert.Single(result.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("PolicyInputList.1", statement.GetProperty("sourcePolicyId").GetString());
        Assert.Equal("identity", statement.GetProperty("sourcePolicyType").GetString());
        Assert.Equal(0, statement.GetProperty("statementIndex").GetInt32());
        Assert.Equal("Read", statement.GetProperty("sid").GetString());
        Assert.False(result.TryGetProperty("permissionsBoundaryDecisionDetail", out _));
    }

    [Fact]
    public async Task Simulate_DenyInAnotherPolicy_BeatsTheAllow()
    {
        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get, DenyReports },
            actionNames = new[] { "s3:GetObject" },
            resourceArns = new[] { "arn:aws:s3:::reports/q3.csv" },
        });

        Assert.Equal("explicitDeny", result.GetProperty("evalDecision").GetString());
        var statement = Assert.Single(result.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("PolicyInputList.2", statement.GetProperty("sourcePolicyId").GetString());
        Assert.Equal("Deny", statement.GetProperty("effect").GetString());
    }

    [Fact]
    public async Task Simulate_NoStatementMatches_IsImplicitDeny()
    {
        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get },
            actionNames = new[] { "s3:PutObject" },
        });

        Assert.Equal("implicitDeny", result.GetProperty("evalDecision").GetString());
        Assert.Equal("*", result.GetProperty("evalResourceName").GetString());
        Assert.Empty(result.GetProperty("matchedStatements").EnumerateArray());
    }

    [Fact]
    public async Task Simulate_BoundaryThatDoesNotAllow_CapsTheIdentityAllow()
    {
        var boundary = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}
            """;

        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get },
            permissionsBoundaryPolicyInputList = new[] { boundary },
            actionNames = new[] { "s3:GetObject" },
        });

        Assert.Equal("implicitDeny", result.GetProperty("evalDecision").GetString());
        Assert.False(result.GetProperty("permissionsBoundaryDecisionDetail")
            .GetProperty("allowedByPermissionsBoundary").GetBoolean());
    }

    [Fact]
    public async Task Simulate_ResourcePolicyNamingTheCallerInTheSameAccount_Grants()
    {
        var account = await AccountIdAsync();
        var caller = $"arn:aws:iam::{account}:user/alice";
        // Given as a JSON object rather than a string: both forms are accepted.
        var resourcePolicy = JsonDocument.Parse($$"""
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":{"AWS":"{{caller}}"},"Action":"sqs:SendMessage","Resource":"*"}]}
            """).RootElement;

        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get },
            resourcePolicy,
            callerArn = caller,
            resourceOwner = $"arn:aws:iam::{account}:root",
            actionNames = new[] { "sqs:SendMessage" },
            resourceArns = new[] { $"arn:aws:sqs:us-east-1:{account}:orders" },
        });

        Assert.Equal("allowed", result.GetProperty("evalDecision").GetString());
        var statement = Assert.Single(result.GetProperty("matchedStatements").EnumerateArray());
        Assert.Equal("ResourcePolicy", statement.GetProperty("sourcePolicyId").GetString());
        Assert.Equal("resource", statement.GetProperty("sourcePolicyType").GetString());
    }

    [Fact]
    public async Task Simulate_ResourcePolicyNamingAnotherCaller_DoesNotGrant()
    {
        var account = await AccountIdAsync();
        var resourcePolicy = $$$"""
            {"Version":"2012-10-17","Statement":{"Effect":"Allow",
             "Principal":{"AWS":"arn:aws:iam::{{{account}}}:user/bob"},
             "Action":"sqs:SendMessage","Resource":"*"}}
            """;

        var result = await SimulateOneAsync(new
        {
            policyInputList = new[] { AllowS3Get },
            resourcePolicy,
            callerArn = $"arn:aws:iam::{account}:user/alice",
            actionNames = new[] { "sqs:SendMessage" },
        });

        Assert.Equal("implicitDeny", result.GetProperty("evalDecision").GetString());
    }

    [Fact]
    public async Task Simulate_ConditionOnAMissingKey_ReportsTheKeyAsMissing()
    {
        var policy = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:DeleteUser","Resource":"*",
             "Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}}
            """;

        var without = await SimulateOneAsync(new
        {
            policyInputList = new[] { policy },
            actionNames = new[] { "iam:DeleteUser" },
        });
        var with = await SimulateOneAsync(new
        {
            policyInputList = new[] { policy },
            actionNames = new[] { "iam:DeleteUser" },
            contextEntries = new[]
            {
                new
                {
                    contextKeyName = "aws:MultiFactorAuthPresent",
                    contextKeyValues = new object[] { true },
                    contextKeyType = "boolean",
                },
            },
        });

        Assert.Equal("implicitDeny", without.GetProperty("evalDecision").GetString());
        Assert.Equal(["aws:MultiFactorAuthPresent"],
            without.GetProperty("missingContextValues").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("allowed", with.GetProperty("evalDecision").GetString());
        Assert.Empty(with.GetProperty("missingContextValues").EnumerateArray());
    }

    [Fact]
    public async Task Simulate_PolicyVariable_IsFilledFromContextEntriesOnly()
    {
        var policy = JsonDocument.Parse("""
            {"Version":"2012-10-17",
             "Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::home/${aws:username}/*"}}
            """).RootElement;
        var account = await AccountIdAsync();

        var fromContext = await SimulateOneAsync(new
        {
            policyInputList = new object[] { policy },
            actionNames = new[] { "s3:GetObject" },
            resourceArns = new[] { "arn:aws:s3:::home/alice/notes.txt" },
            contextEntries = new[]
            {
                new
                {
                    contextKeyName = "aws:username",
                    contextKeyValues = new[] { "alice" },
                    contextKeyType = "string",
                },
            },
        });
        var fromCallerOnly = await SimulateOneAsync(new
        {
            policyInputList = new object[] { policy },
            callerArn = $"arn:aws:iam::{account}:user/alice",
            actionNames = new[] { "s3:GetObject" },
            resourceArns = new[] { "arn:aws:s3:::home/alice/notes.txt" },
        });

        Assert.Equal("allowed", fromContext.GetProperty("evalDecision").GetString());
        Assert.Equal("implicitDeny", fromCallerOnly.GetProperty("evalDecision").GetString());
    }

    [Fact]
    public async Task Simulate_SeveralActionsAndResources_AnswersEachPairActionsFirst()
    {
        var response = await PostAsync(Uri, new
        {
            policyInputList = new[] { AllowS3Get },
            actionNames = new[] { "s3:GetObject", "s3:DeleteObject" },
            resourceArns = new[] { "arn:aws:s3:::a/1", "arn:aws:s3:::b/2" },
        });

        var results = (await OkAsync(response)).GetProperty("evaluationResults").EnumerateArray()
            .Select(r => (r.GetProperty("evalActionName").GetString(), r.GetProperty("evalResourceName").GetString(),
                r.GetProperty("evalDecision").GetString()))
            .ToList();
        Assert.Equal(
            [
                ("s3:GetObject", "arn:aws:s3:::a/1", "allowed"),
                ("s3:GetObject", "arn:aws:s3:::b/2", "allowed"),
                ("s3:DeleteObject", "arn:aws:s3:::a/1", "implicitDeny"),
                ("s3:DeleteObject", "arn:aws:s3:::b/2", "implicitDeny"),
            ],
            results);
    }

    [Fact]
    public async Task Simulate_InvalidDocuments_AreRejectedWithEveryErrorListed()
    {
        var response = await PostAsync(Uri, new
        {
            policyInputList = new[]
            {
                AllowS3Get,
                """
                {"Version":"2012-10-17","Statement":{"Effect":"Permit","Action":"GetObject","Resource":"*"}}
                """,
            },
            permissionsBoundaryPolicyInputList = new[] { "{not json" },
            actionNames = new[] { "s3:GetObject" },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        var errors = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("policy").GetString(), e.GetProperty("code").GetString()))
            .ToList();
        Assert.Contains(("policyInputList[1]", "InvalidEffect"), errors);
        Assert.Contains(("policyInputList[1]", "InvalidAction"), errors);
        Assert.Contains(("permissionsBoundaryPolicyInputList[0]", "MalformedJson"), errors);
        Assert.DoesNotContain(errors, e => e.Item1 == "policyInputList[0]");
    }

    [Fact]
    public async Task Simulate_IdentityPolicyWithAPrincipal_IsMalformed()
    {
        var response = await PostAsync(Uri, new
        {
            policyInputList = new[]
            {
                """
                {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}
                """,
            },
            actionNames = new[] { "s3:GetObject" },
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("code").GetString() == "PrincipalNotAllowed");
    }

    public static TheoryData<string, string> InvalidRequests => new()
    {
        // A numeric key whose value is not a number.
        {
            """
            {"policyInputList":["{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
             "actionNames":["s3:GetObject"],
             "contextEntries":[{"contextKeyName":"s3:max-keys","contextKeyValues":["ten"],"contextKeyType":"numeric"}]}
            """,
            "InvalidInput"
        },
        // A single-valued type with two values.
        {
            """
            {"policyInputList":["{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
             "actionNames":["s3:GetObject"],
             "contextEntries":[
               {"contextKeyName":"aws:SourceIp","contextKeyValues":["10.0.0.1","10.0.0.2"],"contextKeyType":"ip"}]}
            """,
            "InvalidInput"
        },
        // A resource policy needs a caller to match its Principal against.
        {
            """
            {"policyInputList":["{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
             "actionNames":["s3:GetObject"],
             "resourcePolicy":
             "{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"}
            """,
            "InvalidInput"
        },
        // An action without a service prefix.
        {
            """
            {"policyInputList":["{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
             "actionNames":["GetObject"]}
            """,
            "InvalidInput"
        },
        // No policies.
        { """{"policyInputList":[],"actionNames":["s3:GetObject"]}""", "InvalidInput" },
        // A caller that is not an ARN.
        {
            """
            {"policyInputList":["{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}}"],
             "actionNames":["s3:GetObject"],"callerArn":"alice"}
            """,
            "InvalidInput"
        },
        // An unknown context key type.
        {
            """
            {"policyInputList":["{}"],"actionNames":["s3:GetObject"],
             "contextEntries":[{"contextKeyName":"k","contextKeyValues":["v"],"contextKeyType":"colour"}]}
            """,
            "InvalidInput"
        },
        // An unknown member.
        { """{"policyInputList":["{}"],"actionNames":["s3:GetObject"],"actionName":"s3:GetObject"}""", "InvalidInput" },
        // Missing required members.
        { """{"actionNames":["s3:GetObject"]}""", "InvalidInput" },
        // Malformed JSON.
        { """{"policyInputList":[""", "InvalidInput" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task Simulate_InvalidRequest_IsA400Problem(string body, string code)
    {
        var response = await PostRawAsync(Uri, body);

        await ProblemAsync(response, HttpStatusCode.BadRequest, code);
    }

    private async Task<JsonElement> SimulateOneAsync(object request)
    {
        var body = await OkAsync(await PostAsync(Uri, request));
        return Assert.Single(body.GetProperty("evaluationResults").EnumerateArray());
    }
}
