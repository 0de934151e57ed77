using IamService.Api.Common;
using IamService.Api.EntityPolicies;
using IamService.Api.Policies;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Groups;
using IamService.Data.Policies;
using IamService.Data.Roles;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.AuthorizationDetails;

/// <summary>
/// IAM GetAccountAuthorizationDetails: the whole account's identities and policies at once. A page costs a
/// fixed number of queries however many items it holds: each section's page is one query, and each table of
/// related rows (tags, inline policies, attachments, memberships, versions, usage counts) is read once for all
/// the page's items of that section.
/// </summary>
public sealed class AuthorizationDetailsService(IamDbContext db, AccountIdProvider accounts)
{
    private const int UsersSection = 0;
    private const int GroupsSection = 1;
    private const int RolesSection = 2;
    private const int PoliciesSection = 3;

    public async Task<Result<AuthorizationDetailsResponse>> GetAsync(
        IReadOnlyCollection<EntityType> filter,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var created = SectionedPager.Create(maxItems, marker);
        if (!created.IsSuccess)
        {
            return created.Error;
        }

        var pager = created.Value;
        bool Wants(EntityType type) => filter.Count == 0 || filter.Contains(type);
        var accountId = await accounts.GetAsync(cancellationToken);

        var users = Wants(EntityType.User)
            ? await pager.ReadAsync(UsersSection, db.Users.AsNoTracking()
                .Include(u => u.Tags).Include(u => u.PermissionsBoundary), cancellationToken)
            : [];
        var userDetails = await DescribeUsersAsync(users, accountId, cancellationToken);

        var groups = Wants(EntityType.Group)
            ? await pager.ReadAsync(GroupsSection, db.Groups.AsNoTracking(), cancellationToken)
            : [];
        var groupDetails = await DescribeGroupsAsync(groups, accountId, cancellationToken);

        var roles = Wants(EntityType.Role)
            ? await pager.ReadAsync(RolesSection, db.Roles.AsNoTracking()
                .Include(r => r.Tags).Include(r => r.PermissionsBoundary), cancellationToken)
            : [];
        var roleDetails = await DescribeRolesAsync(roles, accountId, cancellationToken);

        var policies = Wants(EntityType.LocalManagedPolicy)
            ? await pager.ReadAsync(PoliciesSection, db.ManagedPolicies.AsNoTracking().Include(p => p.Versions),
                cancellationToken)
            : [];
        var policyDetails = await DescribePoliciesAsync(policies, accountId, cancellationToken);

        return new AuthorizationDetailsResponse
        {
            UserDetailList = userDetails,
            GroupDetailList = groupDetails,
            RoleDetailList = roleDetails,
            Policies = policyDetails,
            IsTruncated = pager.IsTruncated,
            Marker = pager.Marker,
        };
    }

    private async Task<List<UserDetail>> DescribeUsersAsync(
        IReadOnlyList<User> users,
        string accountId,
        CancellationToken cancellationToken)
    {
        if (users.Count == 0)
        {
            return [];
        }

        List<string> ids = [.. users.Select(u => u.Id)];
        var inline = await InlineByHolderAsync(PolicyHolders.User, ids, cancellationToken);
        var attached = await AttachedByHolderAsync(PolicyHolders.User, ids, accountId, cancellationToken);
        var memberships = await db.GroupMemberships.AsNoTracking()
            .Where(m => ids.Contains(m.UserId))
            .Select(m => new { m.UserId, m.Group!.Name, m.Group.NormalizedName })
            .ToListAsync(cancellationToken);
        var groupNames = memberships.OrderBy(m => m.NormalizedName, StringComparer.Ordinal)
            .ToLookup(m => m.UserId, m => m.Name);

        return [.. users.Select(u => new UserDetail
        {
            Path = u.Path,
            UserName = u.Name,
            UserId = u.Id,
            Arn = IamArn.Format(accountId, EntityKind.User, u.Path, u.Name),
            CreateDate = u.CreateDate,
            UserPolicyList = [.. inline[u.Id]],
            GroupList = [.. groupNames[u.Id]],
            AttachedManagedPolicies = [.. attached[u.Id]],
            PermissionsBoundary = PermissionsBoundaryResponse.For(u.PermissionsBoundary, accountId),
            Tags = TagMerge.ToResponse(u.Tags),
        })];
    }

    private async Task<List<GroupDetail>> DescribeGroupsAsync(
        IReadOnlyList<Group> groups,
        string accountId,
        CancellationToken cancellationToken)
    {
        if (groups.Count == 0)
        {
            return [];
        }

        List<string> ids = [.. groups.Select(g => g.Id)];
        var inline = await InlineByHolderAsync(PolicyHolders.Group, ids, cancellationToken);
        var attached = await AttachedByHolderAsync(PolicyHolders.Group, ids, accountId, cancellationToken);

        return [.. groups.Select(g => new GroupDetail
        {
            Path = g.Path,
            GroupName = g.Name,
            GroupId = g.Id,
            Arn = IamArn.Format(accountId, EntityKind.Group, g.Path, g.Name),
            CreateDate = g.CreateDate,
            GroupPolicyList = [.. inline[g.Id]],
            AttachedManagedPolicies = [.. attached[g.Id]],
        })];
    }

    private async Task<List<RoleDetail>> DescribeRolesAsync(
        IReadOnlyList<Role> roles,
        string accountId,
        CancellationToken cancellationToken)
    {
        if (roles.Count == 0)
        {
            return [];
        }

        List<string> ids = [.. roles.Select(r => r.Id)];
        var inline = await InlineByHolderAsync(PolicyHolders.Role, ids, cancellationToken);
        var attached = await AttachedByHolderAsync(PolicyHolders.Role, ids, accountId, cancellationToken);

        return [.. roles.Select(r => new RoleDetail
        {
            Path = r.Path,
            RoleName = r.Name,
            RoleId = r.Id,
            Arn = IamArn.Format(accountId, EntityKind.Role, r.Path, r.Name),
            CreateDate = r.CreateDate,
            AssumeRolePolicyDocument = r.AssumeRolePolicyDocument,
            Description = r.Description,
            MaxSessionDuration = r.MaxSessionDuration,
            RolePolicyList = [.. inline[r.Id]],
            AttachedManagedPolicies = [.. attached[r.Id]],
            PermissionsBoundary = PermissionsBoundaryResponse.For(r.PermissionsBoundary, accountId),
            Tags = TagMerge.ToResponse(r.Tags),
        })];
    }

    private async Task<List<PolicyResponse>> DescribePoliciesAsync(
        IReadOnlyList<ManagedPolicy> policies,
        string accountId,
        CancellationToken cancellationToken)
    {
        if (policies.Count == 0)
        {
            return [];
        }

        var usage = await db.LoadUsageAsync([.. policies.Select(p => p.Id)], cancellationToken);
        return [.. policies.Select(p => PolicyResponse.Summary(p, usage[p.Id], accountId) with
        {
            Description = p.Description,
            PolicyVersionList = [.. p.Versions
                .OrderByDescending(v => v.VersionNumber)
                .Select(v => PolicyVersionResponse.Full(v, p.DefaultVersionNumber))],
        })];
    }

    /// <summary>The inline policies of all these holders in one query, by holder id, ordered by name.</summary>
    private async Task<ILookup<string, InlinePolicyDetail>> InlineByHolderAsync<TEntity, TAttachment, TInline>(
        PolicyHolder<TEntity, TAttachment, TInline> holder,
        List<string> holderIds,
        CancellationToken cancellationToken)
        where TEntity : IamEntity
        where TAttachment : class
        where TInline : InlinePolicy
    {
        var column = holder.OwnerColumn;
        var rows = await db.Set<TInline>().AsNoTracking()
            .Where(p => holderIds.Contains(EF.Property<string>(p, column)))
            .Select(p => new { HolderId = EF.Property<string>(p, column), p.Name, p.NormalizedName, p.Document })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.NormalizedName, StringComparer.Ordinal)
            .ToLookup(r => r.HolderId, r => new InlinePolicyDetail(r.Name, r.Document));
    }

    /// <summary>The managed policies attached to all these holders in one query, by holder id, ordered by
    /// name.</summary>
    private async Task<ILookup<string, AttachedPolicyResponse>> AttachedByHolderAsync<TEntity, TAttachment, TInline>(
        PolicyHolder<TEntity, TAttachment, TInline> holder,
        List<string> holderIds,
        string accountId,
        CancellationToken cancellationToken)
        where TEntity : IamEntity
        where TAttachment : class
        where TInline : InlinePolicy
    {
        var column = holder.OwnerColumn;
        var rows = await db.Set<TAttachment>().AsNoTracking()
            .Where(a => holderIds.Contains(EF.Property<string>(a, column)))
            .Join(
                db.ManagedPolicies,
                a => EF.Property<string>(a, PolicyHolders.PolicyIdColumn),
                p => p.Id,
                (a, p) => new { HolderId = EF.Property<string>(a, column), p.Name, p.NormalizedName, p.Path })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.NormalizedName, StringComparer.Ordinal).ToLookup(
            r => r.HolderId,
            r => new AttachedPolicyResponse(r.Name, IamArn.Format(accountId, EntityKind.Policy, r.Path, r.Name)));
    }
}
