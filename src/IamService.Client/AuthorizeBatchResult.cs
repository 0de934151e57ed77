namespace IamService.Client;

/// <summary>The answer to one request of a batch: a decision, or the error code and message of that request.</summary>
public sealed record AuthorizeBatchResult
{
    public AuthorizeResponse? Result { get; init; }

    /// <summary>The IAM error code, such as <c>NoSuchEntity</c>, when the request could not be decided.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }
}
