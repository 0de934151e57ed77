using IamService.Api.Common;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Simulator;

/// <summary>Policy simulation, as IAM's policy simulator.</summary>
[Tags("Simulator")]
public sealed class SimulatorController(PolicySimulator simulator) : IamControllerBase
{
    /// <summary>Simulates policy documents against actions and resources (IAM's SimulateCustomPolicy).</summary>
    /// <remarks>
    /// Evaluates each action on each resource with the given identity policies, optional permissions boundary and
    /// optional resource policy, using IAM's evaluation logic. Context keys come only from
    /// <c>contextEntries</c>: nothing is derived from the caller or the clock. Nothing is stored.
    /// </remarks>
    /// <response code="200">One result per action and resource.</response>
    /// <response code="400">A document failed validation (MalformedPolicyDocument, every error listed) or the
    /// input is otherwise invalid (InvalidInput).</response>
    [HttpPost("simulator/custom")]
    [ProducesResponseType<SimulationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    public async Task<ActionResult<SimulationResponse>> SimulateCustom(
        SimulateCustomPolicyRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await simulator.SimulateCustomAsync(request, cancellationToken));
}
