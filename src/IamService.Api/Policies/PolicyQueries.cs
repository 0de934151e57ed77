using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Policies;

/// <summary>Lookups of managed policies shared by the policy, role and attachment endpoints.</summary>
public static class PolicyQueries
{
    private const string ArnPrefix = "arn:";

    /// <summary>
    /// The managed policy a path segment names: its name (unique in the account regardless of case) or, as
    /// IAM's attach operations take it, its ARN with the slashes escaped (<c>%2F</c>).
    /// </summary>
    public static Task<Result<ManagedPolicy>> FindByNameOrArnAsync(
        this IQueryable<ManagedPolicy> source,
        string accountId,
        string nameOrArn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nameOrArn);
        return nameOrArn.StartsWith(ArnPrefix, StringComparison.Ordinal)
            ? source.FindByArnAsync(accountId, Uri.UnescapeDataString(nameOrArn), cancellationToken)
            : source.FindByNameAsync(EntityKind.Policy, nameOrArn, cancellationToken);
    }

    /// <summary>How many users, groups and roles each policy is attached to or bounds, in one query.</summary>
    public static Task<Dictionary<string, PolicyUsage>> LoadUsageAsync(
        this IamDbContext db,
        IReadOnlyCollection<string> policyIds,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ManagedPolicies
            .Where(p => policyIds.Contains(p.Id))
            .Select(p => new PolicyUsage(
                p.Id,
                db.UserPolicyAttachments.Count(a => a.PolicyId == p.Id)
                    + db.GroupPolicyAttachments.Count(a => a.PolicyId == p.Id)
                    + db.RolePolicyAttachments.Count(a => a.PolicyId == p.Id),
                db.Users.Count(u => u.PermissionsBoundaryPolicyId == p.Id)
                    + db.Roles.Count(r => r.PermissionsBoundaryPolicyId == p.Id)))
            .ToDictionaryAsync(u => u.PolicyId, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The policies attached to at least one user, group or role (IAM ListPolicies OnlyAttached).</summary>
    public static IQueryable<ManagedPolicy> Attached(this IQueryable<ManagedPolicy> source, IamDbContext db) =>
        source.Where(p => db.UserPolicyAttachments.Any(a => a.PolicyId == p.Id)
            || db.GroupPolicyAttachments.Any(a => a.PolicyId == p.Id)
            || db.RolePolicyAttachments.Any(a => a.PolicyId == p.Id));

    public static string ArnOf(this ManagedPolicy policy, string accountId)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return IamArn.Format(accountId, EntityKind.Policy, policy.Path, policy.Name);
    }
}
