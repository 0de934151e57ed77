using IamService.Api.Common;
using IamService.Data;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Authorization;

/// <summary>
/// A user's or role's identity policies and boundary, compiled, with its current ARN and the tags that
/// aws:PrincipalTag reads.
/// </summary>
public sealed record EffectivePolicies(
    string Arn,
    IReadOnlyList<CompiledPolicy> IdentityPolicies,
    CompiledPolicy? PermissionsBoundary,
    IReadOnlyList<KeyValuePair<string, string>> Tags)
{
    /// <summary>The set to evaluate, with a role session's policies and a resource's policy where there are.</summary>
    public PolicySet ToPolicySet(
        IEnumerable<CompiledPolicy>? sessionPolicies = null,
        ResourceBasedPolicy? resourcePolicy = null) =>
        new(IdentityPolicies, PermissionsBoundary, sessionPolicies, resourcePolicy);
}

/// <summary>
/// Loads what IAM evaluates for a principal (IAM: "Policy evaluation logic"): for a user, its managed and
/// inline policies and those of its groups; for a role, its own; for both, the permissions boundary. A user
/// takes four queries and a role three, however many policies and groups there are.
/// </summary>
public sealed class EffectivePolicyLoader(IamDbContext db, AccountIdProvider accounts)
{
    /// <summary>The user's policies, or null when no user has this id.</summary>
    public async Task<EffectivePolicies?> LoadUserAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Name,
                u.Path,
                Tags = u.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(),
                Boundary = u.PermissionsBoundary == null ? null : new ManagedDocument(
                    u.PermissionsBoundary.Name,
                    u.PermissionsBoundary.Path,
                    u.PermissionsBoundary.DefaultVersionNumber,
                    u.PermissionsBoundary.Versions
                        .First(v => v.VersionNumber == u.PermissionsBoundary.DefaultVersionNumber).Document),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var groupIds = db.GroupMemberships.Where(m => m.UserId == userId).Select(m => m.GroupId);
        // A policy attached both to the user and to one of its groups counts once: its statements are the same.
        var managed = await db.ManagedPolicies.AsNoTracking()
            .Where(p => db.UserPolicyAttachments.Any(a => a.UserId == userId && a.PolicyId == p.Id)
                || db.GroupPolicyAttachments.Any(a => groupIds.Contains(a.GroupId) && a.PolicyId == p.Id))
            .Select(p => new ManagedDocument(
                p.Name, p.Path, p.DefaultVersionNumber,
                p.Versions.First(v => v.VersionNumber == p.DefaultVersionNumber).Document))
            .ToListAsync(cancellationToken);
        var inline = await db.UserInlinePolicies.AsNoTracking()
            .Where(p => p.UserId == userId)
            .Select(p => new InlineDocument(p.Name, p.Document, null))
            .ToListAsync(cancellationToken);
        var groupInline = await db.GroupInlinePolicies.AsNoTracking()
            .Where(p => groupIds.Contains(p.GroupId))
            .Join(db.Groups, p => p.GroupId, g => g.Id, (p, g) => new InlineDocument(p.Name, p.Document, g.Name))
            .ToListAsync(cancellationToken);

        var accountId = await accounts.GetAsync(cancellationToken);
        var identity = managed.Select(m => m.Compile(accountId, PolicyType.Identity))
            .Concat(inline.Select(p => p.Compile(PolicySourceKind.UserInlinePolicy)))
            .Concat(groupInline.Select(p => p.Compile(PolicySourceKind.GroupInlinePolicy)));
        return new EffectivePolicies(
            IamArn.Format(accountId, EntityKind.User, user.Path, user.Name),
            [.. identity],
            user.Boundary?.Compile(accountId, PolicyType.PermissionsBoundary),
            user.Tags);
    }

    /// <summary>The role's policies, or null when no role has this id.</summary>
    public async Task<EffectivePolicies?> LoadRoleAsync(string roleId, CancellationToken cancellationToken)
    {
        var role = await db.Roles.AsNoTracking()
            .Where(r => r.Id == roleId)
            .Select(r => new
            {
                r.Name,
                r.Path,
                Tags = r.Tags.Select(t => new KeyValuePair<string, string>(t.Key, t.Value)).ToList(),
                Boundary = r.PermissionsBoundary == null ? null : new ManagedDocument(
                    r.PermissionsBoundary.Name,
                    r.PermissionsBoundary.Path,
                    r.PermissionsBoundary.DefaultVersionNumber,
                    r.PermissionsBoundary.Versions
                        .First(v => v.VersionNumber == r.PermissionsBoundary.DefaultVersionNumber).Document),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (role is null)
        {
            return null;
        }

        var managed = await db.RolePolicyAttachments.AsNoTracking()
            .Where(a => a.RoleId == roleId)
            .Select(a => new ManagedDocument(
                a.Policy!.Name, a.Policy.Path, a.Policy.DefaultVersionNumber,
                a.Policy.Versions.First(v => v.VersionNumber == a.Policy.DefaultVersionNumber).Document))
            .ToListAsync(cancellationToken);
        var inline = await db.RoleInlinePolicies.AsNoTracking()
            .Where(p => p.RoleId == roleId)
            .Select(p => new InlineDocument(p.Name, p.Document, null))
            .ToListAsync(cancellationToken);

        var accountId = await accounts.GetAsync(cancellationToken);
        var identity = managed.Select(m => m.Compile(accountId, PolicyType.Identity))
            .Concat(inline.Select(p => p.Compile(PolicySourceKind.RoleInlinePolicy)));
        return new EffectivePolicies(
            IamArn.Format(accountId, EntityKind.Role, role.Path, role.Name),
            [.. identity],
            role.Boundary?.Compile(accountId, PolicyType.PermissionsBoundary),
            role.Tags);
    }

    /// <summary>
    /// Compiles a stored document. Documents are validated before they are stored, so one that no longer
    /// parses is a bug; skipping it could drop a Deny, so it throws instead.
    /// </summary>
    private static CompiledPolicy Compile(string document, PolicyType type, PolicySource source)
    {
        var parsed = PolicyDocuments.Parse(document, type);
        return parsed.Succeeded
            ? CompiledPolicy.Compile(parsed.Document, source)
            : throw new InvalidOperationException(
                $"Stored policy {source.PolicyArn ?? source.PolicyName} does not parse: {parsed.Errors[0].Message}");
    }

    private sealed record ManagedDocument(string Name, string Path, int VersionNumber, string Document)
    {
        public CompiledPolicy Compile(string accountId, PolicyType type)
        {
            var arn = IamArn.Format(accountId, EntityKind.Policy, Path, Name);
            var source = new PolicySource(arn, PolicySourceKind.ManagedPolicy)
            {
                PolicyArn = arn,
                VersionId = Data.Policies.ManagedPolicyVersion.FormatVersionId(VersionNumber),
            };
            return EffectivePolicyLoader.Compile(Document, type, source);
        }
    }

    private sealed record InlineDocument(string Name, string Document, string? GroupName)
    {
        public CompiledPolicy Compile(PolicySourceKind kind)
        {
            var id = GroupName is null ? Name : $"{GroupName}/{Name}";
            var source = new PolicySource(id, kind) { PolicyName = Name, GroupName = GroupName };
            return EffectivePolicyLoader.Compile(Document, PolicyType.Identity, source);
        }
    }
}
