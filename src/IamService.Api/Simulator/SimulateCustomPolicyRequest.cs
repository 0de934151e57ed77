using System.Text.Json;

namespace IamService.Api.Simulator;

/// <summary>
/// The input of IAM's SimulateCustomPolicy with its parameter names in camelCase. Policy documents may be given
/// as JSON strings (as IAM takes them) or as JSON objects.
/// </summary>
public sealed class SimulateCustomPolicyRequest
{
    /// <summary>Identity-based policies to simulate, as if all were attached to the caller.</summary>
    /// <example>["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}}"]</example>
    public required IReadOnlyList<JsonElement> PolicyInputList { get; init; }

    /// <summary>At most one permissions boundary; when given, the result is capped by it.</summary>
    public IReadOnlyList<JsonElement>? PermissionsBoundaryPolicyInputList { get; init; }

    /// <summary>A resource-based policy attached to every simulated resource; needs <see cref="CallerArn"/>.</summary>
    public JsonElement? ResourcePolicy { get; init; }

    /// <summary>The account that owns the resources: an account id or <c>arn:aws:iam::ACCOUNT:root</c>.</summary>
    public string? ResourceOwner { get; init; }

    /// <summary>The ARN the resource policy's Principal is matched against: a user, role session or root.</summary>
    /// <example>arn:aws:iam::123456789012:user/alice</example>
    public string? CallerArn { get; init; }

    /// <example>["s3:GetObject", "s3:PutObject"]</example>
    public required IReadOnlyList<string> ActionNames { get; init; }

    /// <summary>Resources to simulate each action on; <c>["*"]</c> when omitted.</summary>
    /// <example>["arn:aws:s3:::reports/2026/summary.csv"]</example>
    public IReadOnlyList<string>? ResourceArns { get; init; }

    /// <summary>The request context; it is the only source of context keys in a custom simulation.</summary>
    public IReadOnlyList<ContextEntryInput>? ContextEntries { get; init; }
}
