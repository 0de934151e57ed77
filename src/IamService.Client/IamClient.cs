using System.Net.Http.Json;
using System.Text.Json;

namespace IamService.Client;

/// <summary>
/// Asks IamService for decisions. Register it with <see cref="IamClientServiceCollectionExtensions.AddIamClient"/>,
/// which also signs the calling service in; the service needs <c>iam:Authorize</c> on the principals it asks about.
/// </summary>
public sealed class IamClient(HttpClient http)
{
    /// <summary>The most requests one batch may hold.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Decides one request.</summary>
    /// <exception cref="IamServiceException">IamService refused the request or could not decide it.</exception>
    public async Task<AuthorizeResponse> AuthorizeAsync(
        AuthorizeRequest request,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);

        using var response = await http.PostAsJsonAsync(
            "api/v1/authorize", request, IamJson.Options, cancellationToken);
        return await ReadAsync<AuthorizeResponse>(response, cancellationToken);
    }

    /// <summary>
    /// Decides up to <see cref="MaxBatchSize"/> requests in one call, answering in the order asked; a request that
    /// cannot be decided gets its error in its place.
    /// </summary>
    /// <exception cref="IamServiceException">IamService refused the whole batch.</exception>
    public async Task<IReadOnlyList<AuthorizeBatchResult>> AuthorizeBatchAsync(
        IReadOnlyList<AuthorizeRequest> requests,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count, nameof(requests));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requests.Count, MaxBatchSize, nameof(requests));

        using var response = await http.PostAsJsonAsync(
            "api/v1/authorize/batch", new BatchRequest(requests), IamJson.Options, cancellationToken);
        return (await ReadAsync<BatchResponse>(response, cancellationToken)).Results;
    }

    internal static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await IamServiceException.FromResponseAsync(response, cancellationToken);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(IamJson.Options, cancellationToken)
                ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException e)
        {
            throw new IamServiceException(
                response.StatusCode, code: null, "IamService's answer could not be read: " + e.Message, e);
        }
    }

    private sealed record BatchRequest(IReadOnlyList<AuthorizeRequest> Requests);

    private sealed record BatchResponse(IReadOnlyList<AuthorizeBatchResult> Results);
}
