using System.Text.Json;
using IamService.Api.Errors;

namespace IamService.Api.Hosting;

/// <summary>
/// The ceiling the HTTP load benchmark (bench/load/run.sh) compares decisions with: an endpoint that parses a
/// JSON body and answers a constant, through the same host and middleware as every other request. Mapped
/// only when <c>Benchmarks:CeilingEndpoint</c> is true, which production never sets, and never documented.
/// </summary>
internal static class BenchmarkCeiling
{
    public const string EnabledKey = "Benchmarks:CeilingEndpoint";

    public const string Route = "/api/v1/benchmarks/ceiling";

    private static readonly byte[] Answer =
        """{"decision":"allowed","matchedStatements":[],"missingContextValues":[]}"""u8.ToArray();

    public static WebApplication MapIamBenchmarkCeiling(this WebApplication app)
    {
        if (!app.Configuration.GetValue<bool>(EnabledKey))
        {
            return app;
        }

        app.MapPost(Route, AnswerAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AnswerAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
        }
        catch (JsonException)
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                detail: "The body must be a JSON document.",
                extensions: new Dictionary<string, object?> { ["code"] = IamErrorCode.InvalidInput });
        }

        return Results.Bytes(Answer, "application/json");
    }
}
