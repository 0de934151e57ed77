using IamService.Api.Common;
using IamService.Api.Guard;
using IamService.Data.Common;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.EntityPolicies;

/// <summary>
/// The managed and inline policies of a user, group or role, at <c>/api/v1/{users|groups|roles}/{name}/...</c>.
/// Each concrete controller gives the route prefix and its holder's service; the actions are written once here.
/// </summary>
public abstract class EntityPoliciesController<TEntity, TAttachment, TInline>(
    EntityPolicyService<TEntity, TAttachment, TInline> service) : IamControllerBase
    where TEntity : IamEntity
    where TAttachment : class
    where TInline : InlinePolicy
{
    protected EntityPolicyService<TEntity, TAttachment, TInline> Service { get; } = service;

    /// <summary>
    /// Lists the managed policies attached to the user, group or role, ordered by name (IAM
    /// ListAttachedUserPolicies, ListAttachedGroupPolicies, ListAttachedRolePolicies).
    /// </summary>
    /// <param name="name">The user's, group's or role's name, any case.</param>
    /// <param name="pathPrefix">Only policies whose path starts with this.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("attached-policies")]
    [IamAction("iam:ListAttached{Kind}Policies", Resource = IamResource.Holder)]
    [ProducesResponseType<AttachedPolicyListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<AttachedPolicyListResponse>> ListAttached(
        string name,
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await Service.ListAttachedAsync(name, pathPrefix, maxItems, marker, cancellationToken));

    /// <summary>
    /// Attaches a managed policy, named by its name or escaped ARN (IAM AttachUserPolicy, AttachGroupPolicy,
    /// AttachRolePolicy). Attaching it again succeeds and changes nothing; past the quota of attached policies
    /// the answer is 409 LimitExceeded.
    /// </summary>
    [HttpPut("attached-policies/{policyName}")]
    [IamAction("iam:Attach{Kind}Policy", Resource = IamResource.Holder)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Attach(string name, string policyName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await Service.AttachAsync(name, policyName, cancellationToken));

    /// <summary>
    /// Detaches a managed policy (IAM DetachUserPolicy, DetachGroupPolicy, DetachRolePolicy); one that is not
    /// attached is 404 NoSuchEntity. The policy itself stays.
    /// </summary>
    [HttpDelete("attached-policies/{policyName}")]
    [IamAction("iam:Detach{Kind}Policy", Resource = IamResource.Holder)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> Detach(string name, string policyName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await Service.DetachAsync(name, policyName, cancellationToken));

    /// <summary>Lists the names of the inline policies, ordered by name (IAM ListUserPolicies, ...).</summary>
    /// <param name="name">The user's, group's or role's name, any case.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("inline-policies")]
    [IamAction("iam:List{Kind}Policies", Resource = IamResource.Holder)]
    [ProducesResponseType<InlinePolicyListResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<InlinePolicyListResponse>> ListInline(
        string name,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await Service.ListInlineAsync(name, maxItems, marker, cancellationToken));

    /// <summary>
    /// Creates or replaces an inline policy (IAM PutUserPolicy, PutGroupPolicy, PutRolePolicy). A document that
    /// fails validation is 400 MalformedPolicyDocument listing every error; past the size quota of all the
    /// holder's inline policies together the answer is 409 LimitExceeded.
    /// </summary>
    [HttpPut("inline-policies/{policyName}")]
    [IamAction("iam:Put{Kind}Policy", Resource = IamResource.Holder)]
    [ProducesResponseType<InlinePolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<InlinePolicyResponse>> PutInline(
        string name,
        string policyName,
        PutInlinePolicyRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await Service.PutInlineAsync(name, policyName, request, cancellationToken));

    /// <summary>Gets an inline policy with its document (IAM GetUserPolicy, GetGroupPolicy, GetRolePolicy).</summary>
    [HttpGet("inline-policies/{policyName}")]
    [IamAction("iam:Get{Kind}Policy", Resource = IamResource.Holder)]
    [ProducesResponseType<InlinePolicyResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<InlinePolicyResponse>> GetInline(
        string name,
        string policyName,
        CancellationToken cancellationToken) =>
        OkOrProblem(await Service.GetInlineAsync(name, policyName, cancellationToken));

    /// <summary>Deletes an inline policy (IAM DeleteUserPolicy, DeleteGroupPolicy, DeleteRolePolicy).</summary>
    [HttpDelete("inline-policies/{policyName}")]
    [IamAction("iam:Delete{Kind}Policy", Resource = IamResource.Holder)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> DeleteInline(string name, string policyName, CancellationToken cancellationToken) =>
        NoContentOrProblem(await Service.DeleteInlineAsync(name, policyName, cancellationToken));
}
