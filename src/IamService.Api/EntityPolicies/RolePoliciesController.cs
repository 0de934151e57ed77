using IamService.Api.Guard;
using IamService.Data.Roles;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.EntityPolicies;

/// <summary>A role's attached and inline policies and its permissions boundary.</summary>
[Tags("Roles")]
[IamHolderKind("Role")]
[Route("api/v1/roles/{name}")]
public sealed class RolePoliciesController(EntityPolicyService<Role, RolePolicyAttachment, RoleInlinePolicy> service)
    : BoundedEntityPoliciesController<Role, RolePolicyAttachment, RoleInlinePolicy>(service);
