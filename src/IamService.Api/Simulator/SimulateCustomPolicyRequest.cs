using System.Text.Json;

namespace IamService.Api.Simulator;

/// <summary>The input of IAM's SimulateCustomPolicy: policy documents simulated on their own.</summary>
public sealed class SimulateCustomPolicyRequest : SimulationRequest
{
    /// <summary>Identity-based policies to simulate, as if all were attached to the caller.</summary>
    /// <example>
    /// ["{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}}"]
    /// </example>
    public required IReadOnlyList<JsonElement> PolicyInputList { get; init; }
}
