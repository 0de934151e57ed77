using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace IamService.Api.Decisions;

/// <summary>
/// May this principal perform this action on this resource? Name the principal by ARN or pass an end user's
/// access token (exactly one of the two).
/// </summary>
public sealed record AuthorizeRequest
{
    /// <summary>A user or role of this account, or its root.</summary>
    /// <example>arn:aws:iam::123456789012:user/alice</example>
    public string? PrincipalArn { get; init; }

    /// <summary>
    /// An access token issued by this service; its session's facts (MFA, role, session policy) apply.
    /// </summary>
    public string? SubjectToken { get; init; }

    /// <example>s3:GetObject</example>
    [Required, StringLength(128, MinimumLength = 3)]
    public required string Action { get; init; }

    /// <example>arn:aws:s3:::reports/2026/q3.pdf</example>
    [Required, StringLength(2048, MinimumLength = 1)]
    public required string Resource { get; init; }

    /// <summary>Condition keys and their value or list of values: strings, numbers, booleans, IPs, dates.</summary>
    /// <example>{"aws:SourceIp": "10.0.0.7", "s3:prefix": ["2026/"]}</example>
    public IReadOnlyDictionary<string, JsonElement>? Context { get; init; }

    /// <summary>The resource's own policy (a JSON object or string), as a bucket policy would be.</summary>
    public JsonElement? ResourcePolicy { get; init; }

    /// <summary>The account that owns the resource; this account when omitted.</summary>
    public string? ResourceOwner { get; init; }
}

/// <summary>Up to 100 questions, answered in order.</summary>
public sealed record AuthorizeBatchRequest(
    [Required, MinLength(1), MaxLength(100)] IReadOnlyList<AuthorizeRequest> Requests);
