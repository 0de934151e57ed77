using IamService.Api.Common;
using IamService.Api.Guard;
using IamService.Data.Common;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.EntityPolicies;

/// <summary>The policies of a user or role, which unlike a group can also have a permissions boundary.</summary>
public abstract class BoundedEntityPoliciesController<TEntity, TAttachment, TInline>(
    EntityPolicyService<TEntity, TAttachment, TInline> service)
    : EntityPoliciesController<TEntity, TAttachment, TInline>(service)
    where TEntity : IamEntity
    where TAttachment : class
    where TInline : InlinePolicy
{
    /// <summary>Gets the permissions boundary; 404 NoSuchEntity when there is none.</summary>
    [HttpGet("permissions-boundary")]
    [IamAction("iam:Get{Kind}", Resource = IamResource.Holder)]
    [ProducesResponseType<PermissionsBoundaryResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<PermissionsBoundaryResponse>> GetBoundary(
        string name,
        CancellationToken cancellationToken) =>
        OkOrProblem(await Service.GetBoundaryAsync(name, cancellationToken));

    /// <summary>
    /// Sets the managed policy, named by its ARN, that caps the permissions (IAM PutUserPermissionsBoundary,
    /// PutRolePermissionsBoundary). An ARN that is not a policy's is 400 InvalidInput; a policy of another
    /// account or none at all is 404 NoSuchEntity.
    /// </summary>
    [HttpPut("permissions-boundary")]
    [IamAction("iam:Put{Kind}PermissionsBoundary", Resource = IamResource.Holder)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> PutBoundary(
        string name,
        PutPermissionsBoundaryRequest request,
        CancellationToken cancellationToken) =>
        NoContentOrProblem(await Service.PutBoundaryAsync(name, request, cancellationToken));

    /// <summary>Removes the permissions boundary (IAM DeleteUserPermissionsBoundary,
    /// DeleteRolePermissionsBoundary).</summary>
    [HttpDelete("permissions-boundary")]
    [IamAction("iam:Delete{Kind}PermissionsBoundary", Resource = IamResource.Holder)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult> DeleteBoundary(string name, CancellationToken cancellationToken) =>
        NoContentOrProblem(await Service.DeleteBoundaryAsync(name, cancellationToken));
}
