using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Hosting;

/// <summary>The load benchmark's ceiling endpoint exists only where configuration turns it on.</summary>
public sealed class BenchmarkCeilingTests : ApiTestBase
{
    private const string Route = "/api/v1/benchmarks/ceiling";

    private const string Body = """
        {"principalArn": "arn:aws:iam::123456789012:user/alice", "action": "s3:GetObject", "resource": "*"}
        """;

    [Fact]
    public async Task Ceiling_ByDefault_IsNotMappedNorDocumented()
    {
        var response = await PostRawAsync(Route, Body);
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("benchmark",
            StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Ceiling_WhenEnabled_ParsesTheBodyAndAnswersAConstantWithoutAToken()
    {
        await using var factory = new IamApiFactory(Database)
        {
            Settings = new Dictionary<string, string> { ["Benchmarks:CeilingEndpoint"] = "true" },
        };
        using var client = factory.CreateClient();

        var answered = await OkAsync(await client.PostAsync(Route, Json(Body)));
        var malformed = await client.PostAsync(Route, Json("""{"action": """));
        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        Assert.Equal("allowed", answered.GetProperty("decision").GetString());
        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.DoesNotContain(document.GetProperty("paths").EnumerateObject(), p => p.Name.Contains("benchmark",
            StringComparison.OrdinalIgnoreCase));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
