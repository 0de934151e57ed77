using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Policies;

/// <summary>
/// Customer managed policies: named, versioned identity policies that can be attached to users, groups and
/// roles or set as a permissions boundary. A policy is named in the path by its name (unique in the account
/// regardless of case) or by its ARN with the slashes escaped as <c>%2F</c>.
/// </summary>
[Tags("Policies")]
public sealed class PoliciesController(PolicyService policies) : IamControllerBase
{
    /// <summary>Lists customer managed policies ordered by name (IAM ListPolicies with Scope=Local).</summary>
    /// <param name="pathPrefix">Only policies whose path starts with this, such as <c>/reporting/</c>.</param>
    /// <param name="onlyAttached">Only policies attached to at least one user, group or role.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("policies")]
    [IamAction("iam:ListPolicies", Resource = IamResource.Policies)]
    [ProducesResponseType<PolicyListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<PolicyListResponse>> List(
        string? pathPrefix,
        bool onlyAttached,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await policies.ListAsync(pathPrefix, onlyAttached, maxItems, marker, cancellationToken));

    /// <summary>
    /// Creates a policy whose document becomes version v1, the default (IAM CreatePolicy). A document that fails
    /// validation is 400 MalformedPolicyDocument listing every error in <c>errors</c>; an accepted one may come
    /// back with <c>warnings</c>.
    /// </summary>
    [HttpPost("policies")]
    [IamAction("iam:CreatePolicy", Resource = IamResource.NewPolicy)]
    [ProducesResponseType<PolicyResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<PolicyResponse>> Create(
        CreatePolicyRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(
            await policies.CreateAsync(request, cancellationToken), nameof(Get), p =>
                new { policyName = p.PolicyName });

    /// <summary>Gets a policy with its description, tags and usage counts (IAM GetPolicy).</summary>
    [HttpGet("policies/{policyName}")]
    [IamAction("iam:GetPolicy", Resource = IamResource.Policy)]
    [ProducesResponseType<PolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PolicyResponse>> Get(string policyName, CancellationToken cancellationToken) =>
        OkOrProblem(await policies.GetAsync(policyName, cancellationToken));

    /// <summary>
    /// Deletes a policy (IAM DeletePolicy). While it is attached, is a permissions boundary or has versions other
    /// than the default, the answer is 409 DeleteConflict listing them in <c>remaining</c>. With <c>force=true</c>
    /// they are removed too, in the same transaction; the users, groups and roles stay.
    /// </summary>
    /// <param name="policyName">The policy's name or escaped ARN.</param>
    /// <param name="force">Also detach the policy, remove it as a boundary and delete its other versions.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("policies/{policyName}")]
    [IamAction("iam:DeletePolicy", Resource = IamResource.Policy)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Delete(string policyName, bool force, CancellationToken cancellationToken) =>
        NoContentOrProblem(await policies.DeleteAsync(policyName, force, cancellationToken));

    /// <summary>Lists the users, groups and roles that use a policy (IAM ListEntitiesForPolicy).</summary>
    /// <param name="policyName">The policy's name or escaped ARN.</param>
    /// <param name="entityFilter">Only entities of this type: <c>User</c>, <c>Group</c> or <c>Role</c>.</param>
    /// <param name="policyUsageFilter">
    /// <c>PermissionsPolicy</c> for entities it is attached to, <c>PermissionsBoundary</c> for those it bounds;
    /// both when omitted.
    /// </param>
    /// <param name="pathPrefix">Only entities whose path starts with this.</param>
    /// <param name="maxItems">Page size over users, groups and roles together, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("policies/{policyName}/entities")]
    [IamAction("iam:ListEntitiesForPolicy", Resource = IamResource.Policy)]
    [ProducesResponseType<PolicyEntitiesResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PolicyEntitiesResponse>> ListEntities(
        string policyName,
        EntityType? entityFilter,
        PolicyUsageFilter? policyUsageFilter,
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await policies.ListEntitiesAsync(
            policyName, entityFilter, policyUsageFilter, pathPrefix, maxItems, marker, cancellationToken));
}
