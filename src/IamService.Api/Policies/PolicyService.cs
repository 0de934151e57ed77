using System.Globalization;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Policies;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Policies;

/// <summary>Customer managed policies: their lifecycle and who uses them. Every write is one transaction.</summary>
public sealed partial class PolicyService(
    IamDbContext db,
    AccountIdProvider accounts,
    TimeProvider time,
    ILogger<PolicyService> logger)
{
    private const int UsersSection = 0;
    private const int GroupsSection = 1;
    private const int RolesSection = 2;

    public async Task<Result<PolicyListResponse>> ListAsync(
        string? pathPrefix,
        bool onlyAttached,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker, pathPrefix);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        // Limitation: IAM's Scope and PolicyUsageFilter are not offered; every policy here is the account's own.
        var source = db.ManagedPolicies.AsNoTracking().WithPathPrefix(pathPrefix);
        var policies = await (onlyAttached ? source.Attached(db) : source).ToPageAsync(page.Value, cancellationToken);
        var usage = await db.LoadUsageAsync([.. policies.Items.Select(p => p.Id)], cancellationToken);
        var accountId = await accounts.GetAsync(cancellationToken);

        return new PolicyListResponse
        {
            Policies = [.. policies.Items.Select(p => PolicyResponse.Summary(p, usage[p.Id], accountId))],
            IsTruncated = policies.IsTruncated,
            Marker = policies.Marker,
        };
    }

    /// <summary>Creates a policy with its document as version v1, the default (IAM CreatePolicy).</summary>
    public async Task<Result<PolicyResponse>> CreateAsync(
        CreatePolicyRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path ?? "/";
        var invalid = InputRules.CheckName(EntityKind.Policy, request.PolicyName)
            ?? InputRules.CheckPath(path)
            ?? CheckDescription(request.Description)
            ?? InputRules.CheckTags(request.Tags);
        if (invalid is not null)
        {
            return invalid;
        }

        var document = SubmittedDocument.Validate(
            request.PolicyDocument, "policyDocument", PolicyType.Identity, PolicySizeLimits.Managed);
        if (!document.IsSuccess)
        {
            return document.Error;
        }

        var now = time.GetStoreTime();
        var policy = new ManagedPolicy(IamIds.New(EntityKind.Policy), request.PolicyName, path, now)
        {
            Description = request.Description,
        };
        policy.Versions.Add(new ManagedPolicyVersion(policy.Id, 1, document.Value.Text, now));
        // Limitation: a policy's tags are set at creation only; managed policies have no tag endpoints yet.
        policy.Tags.AddRange(request.Tags?.Select(t => new ManagedPolicyTag(policy.Id, t.Key, t.Value)) ?? []);
        if (await db.ManagedPolicies.NameExistsAsync(policy.Name, cancellationToken))
        {
            return IamError.EntityAlreadyExists(EntityKind.Policy, policy.Name);
        }

        db.ManagedPolicies.Add(policy);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent request created the same name between the check and the insert.
            return IamError.EntityAlreadyExists(EntityKind.Policy, policy.Name);
        }

        Log.PolicyCreated(logger, policy.Name, policy.Id);
        var accountId = await accounts.GetAsync(cancellationToken);
        return PolicyResponse.Full(policy, PolicyUsage.None(policy.Id), accountId) with
        {
            Warnings = document.Value.Warnings,
        };
    }

    public async Task<Result<PolicyResponse>> GetAsync(string policyName, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking().Include(p => p.Tags)
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        var usage = await db.LoadUsageAsync([policy.Value.Id], cancellationToken);
        return PolicyResponse.Full(policy.Value, usage[policy.Value.Id], accountId);
    }

    /// <summary>
    /// Deletes a policy with its versions and tags (IAM DeletePolicy). IAM refuses while the policy is attached,
    /// is a permissions boundary, or has versions besides the default; the conflict lists each of them. With
    /// <paramref name="force"/> they go too, in the same transaction: the users, groups and roles stay, without
    /// the policy. Attaches and boundary changes take the policy's row lock first, so none slips in meanwhile.
    /// </summary>
    public async Task<Result> DeleteAsync(string policyName, bool force, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        var found = await db.ManagedPolicies.AsNoTracking()
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var policy = found.Value;
        var id = policy.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.ManagedPolicies.LockRowAsync(id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Policy, policyName);
        }

        var blockers = await LoadDeleteBlockersAsync(id, cancellationToken);
        if (!force && !blockers.IsEmpty)
        {
            return blockers.ToConflict(EntityKind.Policy, policy.Name);
        }

        if (!blockers.IsEmpty)
        {
            await db.UserPolicyAttachments.Where(a => a.PolicyId == id).ExecuteDeleteAsync(cancellationToken);
            await db.GroupPolicyAttachments.Where(a => a.PolicyId == id).ExecuteDeleteAsync(cancellationToken);
            await db.RolePolicyAttachments.Where(a => a.PolicyId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Users.Where(u => u.PermissionsBoundaryPolicyId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.PermissionsBoundaryPolicyId, (string?)null),
                    cancellationToken);
            await db.Roles.Where(r => r.PermissionsBoundaryPolicyId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.PermissionsBoundaryPolicyId, (string?)null),
                    cancellationToken);
        }

        // The versions and tags cascade with the policy row.
        await db.ManagedPolicies.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.PolicyDeleted(logger, policy.Name, id, !blockers.IsEmpty);
        return Result.Success;
    }

    /// <summary>
    /// The users, groups and roles that use a policy (IAM ListEntitiesForPolicy), paged over users, then
    /// groups, then roles. Without a usage filter an entity is listed if it either has the policy attached or
    /// has it as its permissions boundary.
    /// </summary>
    public async Task<Result<PolicyEntitiesResponse>> ListEntitiesAsync(
        string policyName,
        EntityType? entityFilter,
        PolicyUsageFilter? usageFilter,
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var pager = SectionedPager.Create(maxItems, marker);
        if (!pager.IsSuccess)
        {
            return pager.Error;
        }

        if (pathPrefix is not null && InputRules.CheckPathPrefix(pathPrefix) is { } invalidPrefix)
        {
            return invalidPrefix;
        }

        if (entityFilter is EntityType.LocalManagedPolicy or EntityType.AWSManagedPolicy)
        {
            return IamError.InvalidInput(
                $"entityFilter {entityFilter} lists nothing here: a policy is used by users, groups and roles only.");
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking()
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        var id = policy.Value.Id;
        var attached = usageFilter != PolicyUsageFilter.PermissionsBoundary;
        var bounds = usageFilter != PolicyUsageFilter.PermissionsPolicy;
        var users = entityFilter is null or EntityType.User
            ? await pager.Value.ReadAsync(UsersSection, db.Users.AsNoTracking().WithPathPrefix(pathPrefix).Where(u =>
                (attached && db.UserPolicyAttachments.Any(a => a.UserId == u.Id && a.PolicyId == id))
                || (bounds && u.PermissionsBoundaryPolicyId == id)), cancellationToken)
            : [];
        // Groups have no permissions boundary.
        var groups = (entityFilter is null or EntityType.Group) && attached
            ? await pager.Value.ReadAsync(GroupsSection, db.Groups.AsNoTracking().WithPathPrefix(pathPrefix).Where(g =>
                db.GroupPolicyAttachments.Any(a => a.GroupId == g.Id && a.PolicyId == id)), cancellationToken)
            : [];
        var roles = entityFilter is null or EntityType.Role
            ? await pager.Value.ReadAsync(RolesSection, db.Roles.AsNoTracking().WithPathPrefix(pathPrefix).Where(r =>
                (attached && db.RolePolicyAttachments.Any(a => a.RoleId == r.Id && a.PolicyId == id))
                || (bounds && r.PermissionsBoundaryPolicyId == id)), cancellationToken)
            : [];

        return new PolicyEntitiesResponse
        {
            PolicyUsers = [.. users.Select(u => new PolicyUserResponse(u.Name, u.Id))],
            PolicyGroups = [.. groups.Select(g => new PolicyGroupResponse(g.Name, g.Id))],
            PolicyRoles = [.. roles.Select(r => new PolicyRoleResponse(r.Name, r.Id))],
            IsTruncated = pager.Value.IsTruncated,
            Marker = pager.Value.Marker,
        };
    }

    /// <summary>Everything that keeps a policy from being deleted, as IAM's DeletePolicy requires it gone
    /// first.</summary>
    private async Task<DeleteBlockers> LoadDeleteBlockersAsync(string id, CancellationToken cancellationToken)
    {
        var users = await db.UserPolicyAttachments.Where(a => a.PolicyId == id)
            .OrderBy(a => a.User!.NormalizedName).Select(a => a.User!.Name).ToListAsync(cancellationToken);
        var groups = await db.GroupPolicyAttachments.Where(a => a.PolicyId == id)
            .OrderBy(a => a.Group!.NormalizedName).Select(a => a.Group!.Name).ToListAsync(cancellationToken);
        var roles = await db.RolePolicyAttachments.Where(a => a.PolicyId == id)
            .OrderBy(a => a.Role!.NormalizedName).Select(a => a.Role!.Name).ToListAsync(cancellationToken);
        var boundedUsers = await db.Users.Where(u => u.PermissionsBoundaryPolicyId == id)
            .OrderBy(u => u.NormalizedName).Select(u => u.Name).ToListAsync(cancellationToken);
        var boundedRoles = await db.Roles.Where(r => r.PermissionsBoundaryPolicyId == id)
            .OrderBy(r => r.NormalizedName).Select(r => r.Name).ToListAsync(cancellationToken);
        var defaultVersion = await db.ManagedPolicies.Where(p => p.Id == id)
            .Select(p => p.DefaultVersionNumber).SingleAsync(cancellationToken);
        var versions = await db.ManagedPolicyVersions.Where(v => v.PolicyId == id && v.VersionNumber != defaultVersion)
            .OrderBy(v => v.VersionNumber).Select(v => v.VersionNumber).ToListAsync(cancellationToken);

        return new DeleteBlockers()
            .Add("users", "attachments to users", users)
            .Add("groups", "attachments to groups", groups)
            .Add("roles", "attachments to roles", roles)
            .Add("boundaryOfUsers", "users it is the permissions boundary of", boundedUsers)
            .Add("boundaryOfRoles", "roles it is the permissions boundary of", boundedRoles)
            .Add("versions", "non-default versions", [.. versions.Select(ManagedPolicyVersion.FormatVersionId)]);
    }

    /// <summary>IAM's CreatePolicy Description: at most 1,000 characters.</summary>
    private static IamError? CheckDescription(string? description) =>
        description is { Length: > ManagedPolicy.MaxDescriptionLength }
            ? IamError.Validation(string.Create(CultureInfo.InvariantCulture,
                $"Value at 'description' failed to satisfy constraint: " +
                $"Member must have length less than or equal to {ManagedPolicy.MaxDescriptionLength}"))
            : null;

    private static partial class Log
    {
        [LoggerMessage(2300, LogLevel.Information, "Created managed policy {PolicyName} ({PolicyId})")]
        public static partial void PolicyCreated(ILogger logger, string policyName, string policyId);

        [LoggerMessage(2301, LogLevel.Information,
            "Deleted managed policy {PolicyName} ({PolicyId}); forced removal of its uses and versions: {Forced}")]
        public static partial void PolicyDeleted(ILogger logger, string policyName, string policyId, bool forced);
    }
}
