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

        Assert.True(operations.Count >= 50, $"only {operations.Count} operations");
        Assert.All(operations, o =>
        {
            var name = $"{o.Method.ToUpperInvariant()} {o.Path}";
            Assert.False(string.IsNullOrWhiteSpace(o.Operation.GetProperty("summary").GetString()), name);
            var responses = o.Operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("400", out var badRequest), $"{name} documents no 400");
            Assert.True(badRequest.GetProperty("content").TryGetProperty("application/problem+json", out _), name);
            Assert.True(responses.TryGetProperty("403", out _), $"{name} documents no 403");
            if (o.Path.Contains('{', StringComparison.Ordinal))
            {
                Assert.True(responses.TryGetProperty("404", out _), $"{name} documents no 404");
            }
        });
    }

    [Fact]
    public async Task EveryRequestAndJsonResponseBody_HasAnExample()
    {
        var document = await Client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Name: $"{o.Name} {p.Name}", Operation: o.Value)));

        Assert.All(operations, o =>
        {
            if (o.Operation.TryGetProperty("requestBody", out var body))
            {
                Assert.True(HasExample(JsonSchemaOf(body), schemas, 0), $"{o.Name}: request body without an example");
            }

            foreach (var response in o.Operation.GetProperty("responses").EnumerateObject()
                .Where(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out _)))
            {
                Assert.True(HasExample(JsonSchemaOf(response.Value), schemas, 0),
                    $"{o.Name}: {response.Name} without an example");
            }
        });
    }

    private static JsonElement JsonSchemaOf(JsonElement body) =>
        body.GetProperty("content").GetProperty("application/json").GetProperty("schema");

    /// <summary>Whether the schema, or a property or item in it a few levels down, carries an example.</summary>
    private static bool HasExample(JsonElement schema, JsonElement schemas, int depth)
    {
        if (depth > 8)
        {
            return false;
        }

        if (schema.TryGetProperty("example", out _))
        {
            return true;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return HasExample(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, depth + 1);
        }

        if (schema.TryGetProperty("items", out var items) && HasExample(items, schemas, depth + 1))
        {
            return true;
        }

        return schema.TryGetProperty("properties", out var properties)
            && properties.EnumerateObject().Any(p => HasExample(p.Value, schemas, depth + 1));
    }
}
