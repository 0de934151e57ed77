using System.Globalization;
using IamService.Api.Common;
using IamService.Api.Errors;
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
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        if (pathPrefix is not null && InputRules.CheckPathPrefix(pathPrefix) is { } invalidPrefix)
        {
            return invalidPrefix;
        }

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
    public async Task<Result<PolicyResponse>> CreateAsync(CreatePolicyRequest request, CancellationToken cancellationToken)
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
    /// is a permissions boundary, or has versions besides the default; the conflict lists each of them. The
    /// row lock makes attaches and boundary changes, which take it too, wait for the decision.
    /// </summary>
    public async Task<Result> DeleteAsync(string policyName, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        var found = await db.ManagedPolicies.AsNoTracking().FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.ManagedPolicies.LockRowAsync(found.Value.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Policy, policyName);
        }

        var policy = await db.ManagedPolicies.Include(p => p.Versions)
            .SingleAsync(p => p.Id == found.Value.Id, cancellationToken);
        if (await FindDeleteConflictAsync(policy, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        db.ManagedPolicies.Remove(policy);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsForeignKeyViolation())
        {
            // A request that does not take the policy's lock (a user created with it as boundary) got in first.
            return new IamError(IamErrorCode.DeleteConflict, StatusCodes.Status409Conflict,
                $"Policy {policy.Name} came into use while it was being deleted. List its entities and try again.");
        }

        await transaction.CommitAsync(cancellationToken);
        Log.PolicyDeleted(logger, policy.Name, policy.Id);
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

        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking().FindByNameOrArnAsync(accountId, policyName, cancellationToken);
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

    /// <summary>Everything that keeps a policy from being deleted, as IAM's DeletePolicy requires it gone first.</summary>
    private async Task<IamError?> FindDeleteConflictAsync(ManagedPolicy policy, CancellationToken cancellationToken)
    {
        var id = policy.Id;
        var blockers = new List<(string Member, string Phrase, List<string> Names)>
        {
            ("users", "it is attached to users", await db.UserPolicyAttachments.Where(a => a.PolicyId == id)
                .Select(a => a.User!).OrderBy(u => u.NormalizedName).Select(u => u.Name).ToListAsync(cancellationToken)),
            ("groups", "it is attached to groups", await db.GroupPolicyAttachments.Where(a => a.PolicyId == id)
                .Select(a => a.Group!).OrderBy(g => g.NormalizedName).Select(g => g.Name).ToListAsync(cancellationToken)),
            ("roles", "it is attached to roles", await db.RolePolicyAttachments.Where(a => a.PolicyId == id)
                .Select(a => a.Role!).OrderBy(r => r.NormalizedName).Select(r => r.Name).ToListAsync(cancellationToken)),
            ("boundaryOfUsers", "it is the permissions boundary of users", await db.Users
                .Where(u => u.PermissionsBoundaryPolicyId == id)
                .OrderBy(u => u.NormalizedName).Select(u => u.Name).ToListAsync(cancellationToken)),
            ("boundaryOfRoles", "it is the permissions boundary of roles", await db.Roles
                .Where(r => r.PermissionsBoundaryPolicyId == id)
                .OrderBy(r => r.NormalizedName).Select(r => r.Name).ToListAsync(cancellationToken)),
            ("versions", "it has non-default versions", [.. policy.Versions
                .Where(v => v.VersionNumber != policy.DefaultVersionNumber)
                .OrderBy(v => v.VersionNumber).Select(v => v.VersionId)]),
        };

        var left = blockers.Where(b => b.Names.Count > 0).ToList();
        if (left.Count == 0)
        {
            return null;
        }

        var listed = string.Join("; ", left.Select(b => $"{b.Phrase} {string.Join(", ", b.Names)}"));
        return IamError.DeleteConflict(
            $"Cannot delete policy {policy.Name}: {listed}. Detach it, remove it as a permissions boundary and " +
            "delete its non-default versions first.",
            left.ToDictionary(b => b.Member, b => (object?)b.Names, StringComparer.Ordinal));
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

        [LoggerMessage(2301, LogLevel.Information, "Deleted managed policy {PolicyName} ({PolicyId})")]
        public static partial void PolicyDeleted(ILogger logger, string policyName, string policyId);
    }
}
