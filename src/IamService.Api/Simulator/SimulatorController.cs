using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Api.Guard;
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
    [IamAction("iam:SimulateCustomPolicy")]
    [ProducesResponseType<SimulationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    public async Task<ActionResult<SimulationResponse>> SimulateCustom(
        SimulateCustomPolicyRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await simulator.SimulateCustomAsync(request, cancellationToken));

    /// <summary>Simulates the stored policies of a user, group or role (IAM's SimulatePrincipalPolicy).</summary>
    /// <remarks>
    /// Evaluates each action on each resource with the principal's managed and inline policies, those of its
    /// groups, and its permissions boundary, plus any documents in <c>policyInputList</c>. Each matched statement
    /// names its source: managed policy ARN and version, inline policy name and owner, group it came through.
    /// </remarks>
    /// <response code="200">One result per action and resource.</response>
    /// <response code="400">A document failed validation or the input is otherwise invalid.</response>
    /// <response code="404">No user, group or role has that ARN.</response>
    [HttpPost("simulator/principal")]
    [IamAction("iam:SimulatePrincipalPolicy", Resource = IamResource.PolicySource)]
    [ProducesResponseType<SimulationResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<SimulationResponse>> SimulatePrincipal(
        SimulatePrincipalPolicyRequest request,
        [FromServices] PrincipalDirectory principals,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = await principals.FindPolicySourceAsync(request.PolicySourceArn, cancellationToken);
        return stored is null
            ? Problem(IamError.NoSuchEntity(
                $"policySourceArn {request.PolicySourceArn} names no user, group or role of this account."))
            : OkOrProblem(await simulator.SimulatePrincipalAsync(request, stored, cancellationToken));
    }
}
