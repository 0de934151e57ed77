using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using IamService.Api.Common;
using IamService.Api.Guard;

namespace IamService.Api.Decisions;

/// <summary>
/// Decisions for other services: may a principal perform an action on a resource? Minimal endpoints with
/// generated JSON, since they sit on other services' request paths; the guard admits the caller and
/// <see cref="DecisionService"/> checks <c>iam:Authorize</c> on each principal asked about.
/// </summary>
internal static class DecisionEndpoints
{
    public const int MaxBatch = 100;

    public static WebApplication MapIamDecisions(this WebApplication app)
    {
        var decisions = app.MapGroup("/api/v1").WithTags("Decisions");
        decisions.MapPost("/authorize", AuthorizeAsync)
            .RequireIamAction(DecisionService.AuthorizeAction)
            .Accepts<AuthorizeRequest>("application/json")
            .Produces<AuthorizeResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Decides one request with the principal's effective policies.")
            .WithDescription("The calling service needs iam:Authorize on the principal's ARN. 400: both or neither "
                + "principal forms, a bad context value, an invalid resource policy or subject token; 403: the "
                + "caller may not ask about this principal; 404: no such principal.");
        decisions.MapPost("/authorize/batch", AuthorizeBatchAsync)
            .RequireIamAction(DecisionService.AuthorizeAction)
            .Accepts<AuthorizeBatchRequest>("application/json")
            .Produces<AuthorizeBatchResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Decides up to 100 requests, answering in the order asked.")
            .WithDescription("A request that cannot be decided (403, 404, 400 alone) gets its error code and message "
                + "in its place; the others are still answered.");
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(
        HttpContext http,
        DecisionService decisions,
        CancellationToken cancellationToken)
    {
        var request = await DecisionJson.ReadAsync(http.Request, DecisionJson.Default.AuthorizeRequest,
            cancellationToken);
        if (!request.IsSuccess)
        {
            return IamProblem.Of(request.Error);
        }

        var decided = await decisions.DecideAsync(request.Value, Caller(http), cancellationToken);
        return decided.IsSuccess
            ? new JsonAnswer<AuthorizeResponse>(decided.Value, DecisionAnswerJson.Default.AuthorizeResponse)
            : IamProblem.Of(decided.Error);
    }

    private static async Task<IResult> AuthorizeBatchAsync(
        HttpContext http,
        DecisionService decisions,
        CancellationToken cancellationToken)
    {
        var request = await DecisionJson.ReadAsync(http.Request, DecisionJson.Default.AuthorizeBatchRequest,
            cancellationToken);
        if (!request.IsSuccess)
        {
            return IamProblem.Of(request.Error);
        }

        var requests = request.Value.Requests;
        if (requests.Count is 0 or > MaxBatch)
        {
            return IamProblem.Of(IamError.InvalidInput($"requests must hold 1 to {MaxBatch} requests."));
        }

        var caller = Caller(http);
        var results = new AuthorizeBatchResult[requests.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var decided = requests[i] is { } item
                ? await decisions.DecideAsync(item, caller, cancellationToken)
                : IamError.InvalidInput("Each request must be a JSON object.");
            results[i] = decided.IsSuccess
                ? new AuthorizeBatchResult { Result = decided.Value }
                : new AuthorizeBatchResult { ErrorCode = decided.Error.Code, ErrorMessage = decided.Error.Detail };
        }

        return new JsonAnswer<AuthorizeBatchResponse>(
            new AuthorizeBatchResponse(results), DecisionAnswerJson.Default.AuthorizeBatchResponse);
    }

    /// <summary>The caller the guard admitted; it always runs first.</summary>
    private static DecisionSubject Caller(HttpContext http) => http.Features.Get<DecisionSubject>()
        ?? throw new InvalidOperationException("A decision endpoint ran without the guard admitting its caller.");

    /// <summary>
    /// A 200 with a JSON body written in one pass by the generated serializer into the response's buffer; the
    /// framework's JSON result writes asynchronously, which takes the serializer's slower, resumable path.
    /// </summary>
    private sealed class JsonAnswer<T>(T value, JsonTypeInfo<T> type) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            using (var writer = new Utf8JsonWriter(response.BodyWriter))
            {
                JsonSerializer.Serialize(writer, value, type);
            }

            await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }
}
