using IamService.Api.Guard;
using IamService.Data.Groups;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.EntityPolicies;

/// <summary>A group's attached and inline policies, which its members receive.</summary>
[Tags("Groups")]
[IamHolderKind("Group")]
[Route("api/v1/groups/{name}")]
public sealed class GroupPoliciesController(
    EntityPolicyService<Group, GroupPolicyAttachment, GroupInlinePolicy> service)
    : EntityPoliciesController<Group, GroupPolicyAttachment, GroupInlinePolicy>(service);
