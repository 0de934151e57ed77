using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace IamService.Client;

/// <summary>
/// IamService answered with an error: the RFC 9457 problem's IAM-style <see cref="Code"/> (such as
/// <c>AccessDenied</c> or <c>NoSuchEntity</c>), its HTTP status and what to fix.
/// </summary>
public sealed class IamServiceException : Exception
{
    public IamServiceException(HttpStatusCode status, string? code, string detail, Exception? innerException = null)
        : base($"IamService answered {(int)status} {code ?? status.ToString()}: {detail}", innerException)
    {
        Status = status;
        Code = code;
        Detail = detail;
    }

    public HttpStatusCode Status { get; }

    /// <summary>The problem's <c>code</c>; null when the answer was not a problem of IamService's (a proxy's
    /// error page, say).</summary>
    public string? Code { get; }

    public string Detail { get; }

    /// <summary>The problem's <c>traceId</c>, to find the request in IamService's logs.</summary>
    public string? TraceId { get; init; }

    /// <summary>Reads the problem of a response that failed.</summary>
    internal static async Task<IamServiceException> FromResponseAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        Problem? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<Problem>(IamJson.Options, cancellationToken);
            }
            catch (JsonException)
            {
                // Not a problem body after all: the status alone describes the failure.
            }
        }

        var detail = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "No detail was given.";
        return new IamServiceException(response.StatusCode, problem?.Code, detail) { TraceId = problem?.TraceId };
    }

    private sealed record Problem(string? Code, string? Title, string? Detail, string? TraceId);
}
