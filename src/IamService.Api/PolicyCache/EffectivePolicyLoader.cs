using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Policies;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.PolicyCache;

/// <summary>
/// Reads a user's or role's effective policies from the store and compiles them: its own managed and inline
/// policies, its groups' managed and inline policies (users), and its permissions boundary. A principal is
/// read with the same few queries whatever its number of groups and policies, and the result lists every
/// change (see <see cref="PolicyChange"/>) that would make it stale.
/// </summary>
public sealed class EffectivePolicyLoader(IamDbContext db, AccountIdProvider accounts, EffectivePolicyCache cache)
{
    public async Task<Loaded<EffectivePrincipal>?> LoadUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Path,
                u.PermissionsBoundaryPolicyId,
                Tags = u.Tags.Select(t => new { t.Key, t.Value }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var groups = await db.GroupMemberships.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => new { m.Group!.Id, m.Group.Name }).ToListAsync(cancellationToken);
        var groupIds = groups.Select(g => g.Id).ToList();
        var groupNames = groups.ToDictionary(g => g.Id, g => g.Name, StringComparer.Ordinal);

        var userInline = await db.UserInlinePolicies.AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => new { p.Name, p.Document }).ToListAsync(cancellationToken);
        var groupInline = await db.GroupInlinePolicies.AsNoTracking().Where(p => groupIds.Contains(p.GroupId))
            .Select(p => new { p.GroupId, p.Name, p.Document }).ToListAsync(cancellationToken);

        var userManaged = db.UserPolicyAttachments.Where(a => a.UserId == userId)
            .Select(a => new { a.PolicyId, GroupId = (string?)null });
        var groupManaged = db.GroupPolicyAttachments.Where(a => groupIds.Contains(a.GroupId))
            .Select(a => new { a.PolicyId, GroupId = (string?)a.GroupId });
        var attached = await userManaged.Concat(groupManaged).ToListAsync(cancellationToken);
        var managed = await ManagedDocumentsAsync(
            attached.Select(a => a.PolicyId).Append(user.PermissionsBoundaryPolicyId), cancellationToken);

        var policies = new List<CompiledPolicy>();
        foreach (var inline in userInline)
        {
            policies.Add(Compile(inline.Document, new PolicySource(inline.Name, PolicySourceKind.UserInlinePolicy)
            {
                PolicyName = inline.Name,
                OwnerName = user.Name,
            }));
        }

        foreach (var inline in groupInline)
        {
            var groupName = groupNames[inline.GroupId];
            policies.Add(Compile(inline.Document, new PolicySource(inline.Name, PolicySourceKind.GroupInlinePolicy)
            {
                PolicyName = inline.Name,
                OwnerName = groupName,
                GroupName = groupName,
            }));
        }

        foreach (var attachment in attached)
        {
            var groupName = attachment.GroupId is null ? null : groupNames[attachment.GroupId];
            policies.Add(CompileManaged(managed[attachment.PolicyId], accountId, groupName));
        }

        var boundary = user.PermissionsBoundaryPolicyId is { } boundaryId
            ? CompileManaged(managed[boundaryId], accountId, groupName: null)
            : null;
        var principal = new RequestPrincipal(
            IamArn.Format(accountId, EntityKind.User, user.Path, user.Name),
            user.Id,
            PrincipalType.User,
            accountId,
            user.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)));

        var dependsOn = new List<string> { PolicyChange.User(userId) };
        dependsOn.AddRange(groupIds.Select(PolicyChange.Group));
        dependsOn.AddRange(managed.Keys.Select(PolicyChange.Policy));
        return new Loaded<EffectivePrincipal>(new EffectivePrincipal(principal, policies, boundary), dependsOn);
    }

    /// <summary>A role's own policies and boundary; a session's principal and policies are added per request.</summary>
    public async Task<Loaded<EffectivePrincipal>?> LoadRoleAsync(string roleId, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking().Where(r => r.Id == roleId)
            .Select(r => new
            {
                r.Id,
                r.Name,
                r.Path,
                r.PermissionsBoundaryPolicyId,
                Tags = r.Tags.Select(t => new { t.Key, t.Value }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return null;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var inline = await db.RoleInlinePolicies.AsNoTracking().Where(p => p.RoleId == roleId)
            .Select(p => new { p.Name, p.Document }).ToListAsync(cancellationToken);
        var attached = await db.RolePolicyAttachments.AsNoTracking().Where(a => a.RoleId == roleId)
            .Select(a => a.PolicyId).ToListAsync(cancellationToken);
        var managed = await ManagedDocumentsAsync(attached.Append(role.PermissionsBoundaryPolicyId), cancellationToken);

        var policies = inline
            .Select(p => Compile(p.Document, new PolicySource(p.Name, PolicySourceKind.RoleInlinePolicy)
            {
                PolicyName = p.Name,
                OwnerName = role.Name,
            }))
            .ToList();
        policies.AddRange(attached.Select(id => CompileManaged(managed[id], accountId, groupName: null)));
        var boundary = role.PermissionsBoundaryPolicyId is { } boundaryId
            ? CompileManaged(managed[boundaryId], accountId, groupName: null)
            : null;
        var roleArn = IamArn.Format(accountId, EntityKind.Role, role.Path, role.Name);
        var principal = new RequestPrincipal(
            roleArn, role.Id, PrincipalType.AssumedRole, accountId,
            role.Tags.Select(t => KeyValuePair.Create(t.Key, t.Value)), sessionIssuerArn: roleArn);

        var dependsOn = new List<string> { PolicyChange.Role(roleId) };
        dependsOn.AddRange(managed.Keys.Select(PolicyChange.Policy));
        return new Loaded<EffectivePrincipal>(new EffectivePrincipal(principal, policies, boundary), dependsOn);
    }

    /// <summary>
    /// A group's own managed and inline policies, as the policy simulator sees a group: as if for a member with
    /// no other policies and no boundary.
    /// </summary>
    public async Task<Loaded<EffectivePrincipal>?> LoadGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Where(g => g.Id == groupId)
            .Select(g => new { g.Id, g.Name, g.Path }).SingleOrDefaultAsync(cancellationToken);
        if (group is null)
        {
            return null;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var inline = await db.GroupInlinePolicies.AsNoTracking().Where(p => p.GroupId == groupId)
            .Select(p => new { p.Name, p.Document }).ToListAsync(cancellationToken);
        var attached = await db.GroupPolicyAttachments.AsNoTracking().Where(a => a.GroupId == groupId)
            .Select(a => a.PolicyId).ToListAsync(cancellationToken);
        var managed = await ManagedDocumentsAsync(attached, cancellationToken);
        var policies = inline
            .Select(p => Compile(p.Document, new PolicySource(p.Name, PolicySourceKind.GroupInlinePolicy)
            {
                PolicyName = p.Name,
                OwnerName = group.Name,
                GroupName = group.Name,
            }))
            .ToList();
        policies.AddRange(attached.Select(id => CompileManaged(managed[id], accountId, group.Name)));
        var principal = new RequestPrincipal(
            IamArn.Format(accountId, EntityKind.Group, group.Path, group.Name),
            group.Id,
            PrincipalType.User,
            accountId);
        var dependsOn = new List<string> { PolicyChange.Group(groupId) };
        dependsOn.AddRange(managed.Keys.Select(PolicyChange.Policy));
        return new Loaded<EffectivePrincipal>(new EffectivePrincipal(principal, policies, null), dependsOn);
    }

    private async Task<Dictionary<string, ManagedDocument>> ManagedDocumentsAsync(
        IEnumerable<string?> policyIds,
        CancellationToken cancellationToken)
    {
        var ids = policyIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, ManagedDocument>(StringComparer.Ordinal);
        }

        var rows = await db.ManagedPolicies.AsNoTracking().Where(p => ids.Contains(p.Id))
            .SelectMany(
                p => p.Versions.Where(v => v.VersionNumber == p.DefaultVersionNumber),
                (p, v) => new ManagedDocument(p.Id, p.Name, p.Path, v.VersionNumber, v.Document))
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.PolicyId, StringComparer.Ordinal);
    }

    /// <summary>
    /// A managed policy version compiled once and shared by every principal it is attached to (through the same
    /// group, which its matched statements name): a version never changes, and sharing keeps the statements that
    /// decisions read few enough to stay in the processor's caches.
    /// </summary>
    private CompiledPolicy CompileManaged(ManagedDocument policy, string accountId, string? groupName) =>
        cache.GetOrAdd(
            $"compiled:{policy.PolicyId}:{policy.VersionNumber}:{groupName}",
            () => Compile(policy.Document, new PolicySource(policy.PolicyId, PolicySourceKind.ManagedPolicy)
            {
                PolicyArn = IamArn.Format(accountId, EntityKind.Policy, policy.Path, policy.Name),
                PolicyName = policy.Name,
                VersionId = ManagedPolicyVersion.FormatVersionId(policy.VersionNumber),
                GroupName = groupName,
            }),
            PolicyChange.Policy(policy.PolicyId));

    private static CompiledPolicy Compile(string document, PolicySource source)
    {
        // Documents were validated when stored; one that no longer parses means the store was edited by hand.
        var parsed = PolicyParser.Parse(document, new PolicyParseOptions(PolicyType.Identity));
        return parsed.Document is { } valid
            ? CompiledPolicy.Compile(valid, source)
            : throw new InvalidOperationException(
                $"The stored policy {source.PolicyName} is not a valid policy document.");
    }

    private sealed record ManagedDocument(
        string PolicyId,
        string Name,
        string Path,
        int VersionNumber,
        string Document);
}
