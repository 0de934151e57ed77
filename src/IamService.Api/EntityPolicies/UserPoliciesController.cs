using IamService.Api.Guard;
using IamService.Data.Users;
using Microsoft.AspNetCore.Mvc;

namespace IamService.Api.EntityPolicies;

/// <summary>A user's attached and inline policies and its permissions boundary.</summary>
[Tags("Users")]
[IamHolderKind("User")]
[Route("api/v1/users/{name}")]
public sealed class UserPoliciesController(EntityPolicyService<User, UserPolicyAttachment, UserInlinePolicy> service)
    : BoundedEntityPoliciesController<User, UserPolicyAttachment, UserInlinePolicy>(service);
