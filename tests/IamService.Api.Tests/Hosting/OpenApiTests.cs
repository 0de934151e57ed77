using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Hosting;

public sealed class OpenApiTests : ApiTestBase
{
    [Fact]
    public async Task EveryApiOperation_HasASummaryAndDocumentsItsProblems()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();

        Assert.True(operations.Count >= 19, $"only {operations.Count} operations");
        Assert.All(operations, o =>
        {
            var name = $"{o.Method.ToUpperInvariant()} {o.Path}";
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), name);
            var responses = o.Operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var badRequest), $"{name} documents no 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _), name);
            if (o.Path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("404", out _), $"{name} documents no 404");
            }
        });
    }
}
