using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Policies;

/// <summary>
/// The versions of a managed policy: at most five, exactly one of them the default (the one in force). Version
/// ids are <c>v1</c>, <c>v2</c>, ... and a deleted version's id is never given out again.
/// </summary>
[Tags("Policies")]
public sealed class PolicyVersionsController(PolicyVersionService versions) : IamControllerBase
{
    /// <summary>Lists a policy's versions, newest first, without their documents (IAM ListPolicyVersions).</summary>
    [HttpGet("policies/{policyName}/versions")]
    [IamAction("iam:ListPolicyVersions", Resource = IamResource.Policy)]
    [ProducesResponseType<PolicyVersionListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PolicyVersionListResponse>> List(
        string policyName,
        CancellationToken cancellationToken) =>
        OkOrProblem(await versions.ListAsync(policyName, cancellationToken));

    /// <summary>
    /// Adds the next version of a policy (IAM CreatePolicyVersion), the default one if <c>setAsDefault</c>. A sixth
    /// version is 409 LimitExceeded: delete one first.
    /// </summary>
    [HttpPost("policies/{policyName}/versions")]
    [IamAction("iam:CreatePolicyVersion", Resource = IamResource.Policy)]
    [ProducesResponseType<PolicyVersionResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<PolicyVersionResponse>> Create(
        string policyName,
        CreatePolicyVersionRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(
            await versions.CreateAsync(policyName, request, cancellationToken),
            nameof(Get),
            v => new { policyName, versionId = v.VersionId });

    /// <summary>Gets one version of a policy with its document (IAM GetPolicyVersion).</summary>
    [HttpGet("policies/{policyName}/versions/{versionId}")]
    [IamAction("iam:GetPolicyVersion", Resource = IamResource.Policy)]
    [ProducesResponseType<PolicyVersionResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PolicyVersionResponse>> Get(
        string policyName,
        string versionId,
        CancellationToken cancellationToken) =>
        OkOrProblem(await versions.GetAsync(policyName, versionId, cancellationToken));

    /// <summary>Deletes a version (IAM DeletePolicyVersion); the default version is 409 DeleteConflict.</summary>
    [HttpDelete("policies/{policyName}/versions/{versionId}")]
    [IamAction("iam:DeletePolicyVersion", Resource = IamResource.Policy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Delete(string policyName, string versionId, CancellationToken cancellationToken) =>
        NoContentOrProblem(await versions.DeleteAsync(policyName, versionId, cancellationToken));

    /// <summary>Makes a version the one in force (IAM SetDefaultPolicyVersion).</summary>
    [HttpPut("policies/{policyName}/default-version")]
    [IamAction("iam:SetDefaultPolicyVersion", Resource = IamResource.Policy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> SetDefault(
        string policyName,
        SetDefaultVersionRequest request,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(await versions.SetDefaultAsync(policyName, request, cancellationToken));
}
