using System.Text.Json;

namespace IamService.Api.Simulator;

/// <summary>
/// The input of IAM's SimulatePrincipalPolicy: the policies of a user, group or role as stored, plus optional
/// extra documents.
/// </summary>
public sealed class SimulatePrincipalPolicyRequest : SimulationRequest
{
    /// <summary>The user, group or role whose policies are simulated.</summary>
    /// <example>arn:aws:iam::123456789012:user/alice</example>
    public required string PolicySourceArn { get; init; }

    /// <summary>Further identity-based policies, simulated as if also attached.</summary>
    public IReadOnlyList<JsonElement>? PolicyInputList { get; init; }
}
