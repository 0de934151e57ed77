using IamService.Api.Common;
using IamService.Data.Groups;
using IamService.Data.Roles;
using IamService.Data.Users;
using IamService.Policies;

namespace IamService.Api.EntityPolicies;

/// <summary>Users, groups and roles as holders of policies.</summary>
public static class PolicyHolders
{
    /// <summary>The column that names the policy in every attachment table.</summary>
    public const string PolicyIdColumn = nameof(UserPolicyAttachment.PolicyId);

    /// <summary>The column that names the permissions boundary on users and roles.</summary>
    public const string BoundaryColumn = nameof(Data.Users.User.PermissionsBoundaryPolicyId);

    public static PolicyHolder<User, UserPolicyAttachment, UserInlinePolicy> User { get; } = new()
    {
        Kind = EntityKind.User,
        OwnerColumn = nameof(UserPolicyAttachment.UserId),
        InlineSizeLimit = PolicySizeLimits.UserInline,
        HasPermissionsBoundary = true,
        NewAttachment = (userId, policyId) => new UserPolicyAttachment(userId, policyId),
        NewInline = (userId, name, document) => new UserInlinePolicy(userId, name, document),
    };

    public static PolicyHolder<Group, GroupPolicyAttachment, GroupInlinePolicy> Group { get; } = new()
    {
        Kind = EntityKind.Group,
        OwnerColumn = nameof(GroupPolicyAttachment.GroupId),
        InlineSizeLimit = PolicySizeLimits.GroupInline,
        HasPermissionsBoundary = false,
        NewAttachment = (groupId, policyId) => new GroupPolicyAttachment(groupId, policyId),
        NewInline = (groupId, name, document) => new GroupInlinePolicy(groupId, name, document),
    };

    public static PolicyHolder<Role, RolePolicyAttachment, RoleInlinePolicy> Role { get; } = new()
    {
        Kind = EntityKind.Role,
        OwnerColumn = nameof(RolePolicyAttachment.RoleId),
        InlineSizeLimit = PolicySizeLimits.RoleInline,
        HasPermissionsBoundary = true,
        NewAttachment = (roleId, policyId) => new RolePolicyAttachment(roleId, policyId),
        NewInline = (roleId, name, document) => new RoleInlinePolicy(roleId, name, document),
    };
}
