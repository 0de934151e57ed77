using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Simulator;

public sealed class ValidatePolicyTests : ApiTestBase
{
    private const string Uri = "/api/v1/policies/validate";

    [Fact]
    public async Task Validate_RiskyButLegalPolicy_IsValidWithWarnings()
    {
        var response = await PostAsync(Uri, new
        {
            policyDocument = JsonDocument.Parse(
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""")
                .RootElement,
            policyType = "identity",
        });

        var body = await OkAsync(response);
        Assert.True(body.GetProperty("isValid").GetBoolean());
        Assert.Empty(body.GetProperty("errors").EnumerateArray());
        var warning = Assert.Single(body.GetProperty("warnings").EnumerateArray());
        Assert.Equal("AllowWithNotAction", warning.GetProperty("code").GetString());
        Assert.Equal("$.Statement[0].NotAction", warning.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Validate_BrokenPolicy_ListsEveryErrorWithItsPath()
    {
        var document = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
              {"Sid":"A","Effect":"Allow","Action":"s3:PutObject","Resource":"*"},
              {"Sid":"B","Effect":"Maybe","Action":["s3:GetObject"],"NotAction":"s3:PutObject","Resource":"*",
               "Condition":{"StringEqualz":{"aws:username":"x"}}}]}
            """;

        var body = await OkAsync(await PostAsync(Uri, new { policyDocument = document, policyType = "identity" }));

        Assert.False(body.GetProperty("isValid").GetBoolean());
        var errors = body.GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "DuplicateSid", "InvalidEffect", "ActionAndNotAction", "UnknownConditionOperator" },
            errors);
        Assert.All(body.GetProperty("errors").EnumerateArray(),
            e => Assert.StartsWith("$", e.GetProperty("path").GetString(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("trust", "PrincipalRequired")]
    [InlineData("resourceBased", "PrincipalRequired")]
    public async Task Validate_PolicyTypeDecidesWhetherAPrincipalIsRequired(string policyType, string code)
    {
        var document = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}}
            """;

        var body = await OkAsync(await PostAsync(Uri, new { policyDocument = document, policyType }));

        Assert.Contains(body.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
    }

    [Fact]
    public async Task Validate_OverTheSizeLimit_IsAnError()
    {
        var document = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}
            """;

        var within = await OkAsync(await PostAsync(Uri,
            new { policyDocument = document, policyType = "identity", maxCharacters = 2048 }));
        var over = await OkAsync(await PostAsync(Uri,
            new { policyDocument = document, policyType = "identity", maxCharacters = 20 }));

        Assert.True(within.GetProperty("isValid").GetBoolean());
        Assert.Contains(over.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("code").GetString() == "PolicyTooLarge");
    }

    [Theory]
    [InlineData("""{"policyDocument":42,"policyType":"identity"}""")]
    [InlineData("""{"policyDocument":"{}","policyType":"sideways"}""")]
    [InlineData("""{"policyDocument":"{}"}""")]
    [InlineData("""{"policyDocument":"{}","policyType":"identity","maxCharacters":0}""")]
    [InlineData("""{"policyDocument":""")]
    public async Task Validate_MalformedRequest_IsA400Problem(string body)
    {
        await ProblemAsync(await PostRawAsync(Uri, body), HttpStatusCode.BadRequest, "InvalidInput");
    }
}
