using IamService.Api.Common;
using IamService.Api.Guard;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.Roles;

/// <summary>IAM roles: identities without long-term credentials that the principals of their trust policy
/// assume.</summary>
[Tags("Roles")]
public sealed class RolesController(RoleService roles) : IamControllerBase
{
    /// <summary>Lists roles ordered by name (IAM ListRoles).</summary>
    /// <param name="pathPrefix">Only roles whose path starts with this, such as <c>/reporting/</c>.</param>
    /// <param name="maxItems">Page size, 1 to 1000; 100 when omitted.</param>
    /// <param name="marker">The <c>marker</c> of the previous page, unchanged.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("roles")]
    [IamAction("iam:ListRoles", Resource = IamResource.Roles)]
    [ProducesResponseType<RoleListResponse>(StatusCodes.Status200OK)]
    public async Task<ActionResult<RoleListResponse>> List(
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken) =>
        OkOrProblem(await roles.ListAsync(pathPrefix, maxItems, marker, cancellationToken));

    /// <summary>
    /// Creates a role (IAM CreateRole). A trust policy that fails validation is 400 MalformedPolicyDocument
    /// listing every error in <c>errors</c>; an accepted one may come back with <c>warnings</c>.
    /// </summary>
    [HttpPost("roles")]
    [IamAction("iam:CreateRole", Resource = IamResource.NewRole)]
    [ProducesResponseType<RoleResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult<RoleResponse>> Create(
        CreateRoleRequest request,
        CancellationToken cancellationToken) =>
        CreatedOrProblem(await roles.CreateAsync(request, cancellationToken), nameof(Get), r =>
            new { roleName = r.RoleName });

    /// <summary>Gets a role with its trust policy, tags and permissions boundary (IAM GetRole).</summary>
    [HttpGet("roles/{roleName}")]
    [IamAction("iam:GetRole", Resource = IamResource.Role)]
    [ProducesResponseType<RoleResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<RoleResponse>> Get(string roleName, CancellationToken cancellationToken) =>
        OkOrProblem(await roles.GetAsync(roleName, cancellationToken));

    /// <summary>Changes a role's description or longest session (IAM UpdateRole).</summary>
    [HttpPatch("roles/{roleName}")]
    [IamAction("iam:UpdateRole", Resource = IamResource.Role)]
    [ProducesResponseType<RoleResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<RoleResponse>> Update(
        string roleName,
        UpdateRoleRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await roles.UpdateAsync(roleName, request, cancellationToken));

    /// <summary>Replaces a role's trust policy (IAM UpdateAssumeRolePolicy); warnings come back with the
    /// role.</summary>
    [HttpPut("roles/{roleName}/trust-policy")]
    [IamAction("iam:UpdateAssumeRolePolicy", Resource = IamResource.Role)]
    [ProducesResponseType<RoleResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    public async Task<ActionResult<RoleResponse>> UpdateTrustPolicy(
        string roleName,
        UpdateTrustPolicyRequest request,
        CancellationToken cancellationToken) =>
        OkOrProblem(await roles.UpdateTrustPolicyAsync(roleName, request, cancellationToken));

    /// <summary>
    /// Deletes a role (IAM DeleteRole). A role with attached or inline policies is not deleted: the 409
    /// DeleteConflict lists them. With <c>force=true</c> they are removed too, in the same transaction; the
    /// managed policies themselves stay. The role's sessions end with it.
    /// </summary>
    /// <param name="roleName">The role's name, any case.</param>
    /// <param name="force">Also detach the role's managed policies and delete its inline policies.</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpDelete("roles/{roleName}")]
    [IamAction("iam:DeleteRole", Resource = IamResource.Role)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ProblemContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ProblemContentType)]
    public async Task<ActionResult> Delete(string roleName, bool force, CancellationToken cancellationToken) =>
        NoContentOrProblem(await roles.DeleteAsync(roleName, force, cancellationToken));
}
