using System.Text.Json;

namespace IamService.Api.Simulator;

/// <summary>
/// What IAM's two simulators take alike, with their parameter names in camelCase. Policy documents may be given
/// as JSON strings (as IAM takes them) or as JSON objects.
/// </summary>
public abstract class SimulationRequest
{
    /// <summary>At most one permissions boundary; when given, the result is capped by it.</summary>
    public IReadOnlyList<JsonElement>? PermissionsBoundaryPolicyInputList { get; init; }

    /// <summary>A resource-based policy attached to every simulated resource.</summary>
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

    /// <summary>The request context; it is the only source of context keys in a simulation.</summary>
    public IReadOnlyList<ContextEntryInput>? ContextEntries { get; init; }
}
