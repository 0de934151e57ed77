using IamService.Api.Common;
using IamService.Api.PolicyCache;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Decisions;

/// <summary>A principal ready to be decided for: who it is, its policies, and the facts of its session.</summary>
public sealed record DecisionSubject(
    RequestPrincipal Principal,
    EffectivePrincipal? Policies,
    IReadOnlyList<CompiledPolicy> SessionPolicies,
    SessionFacts? Session)
{
    /// <summary>Root is allowed everything in its account, without policies.</summary>
    public bool IsRoot => Principal.Type == PrincipalType.Root;
}

/// <summary>
/// Finds users and roles, by ARN or by session, with their compiled effective policies from the cache. A
/// principal the cache holds costs no query; a cold one costs the loader's fixed few.
/// </summary>
public sealed class PrincipalDirectory(
    IamDbContext db,
    EffectivePolicyCache cache,
    EffectivePolicyLoader loader,
    AccountIdProvider accounts)
{
    private static RequestPrincipal? root;

    /// <summary>The user, role or root an ARN names; null when it names none of this account's.</summary>
    public async ValueTask<DecisionSubject?> FindByArnAsync(string arn, CancellationToken cancellationToken)
    {
        // An ARN is its own cache key: the others start with "user:", "role:" or "compiled:". Root is never cached.
        if (cache.TryGet<EffectivePrincipal?>(arn, out var cached) && cached is not null)
        {
            return cached.Subject;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        if (arn == RootPrincipal(accountId).Arn)
        {
            return Root(accountId, session: null);
        }

        if (!IamArn.TryParse(arn, out var parsed) || parsed.AccountId != accountId)
        {
            return null;
        }

        var loaded = await cache.GetOrLoadAsync(arn, ct => LoadByArnAsync(parsed, ct), cancellationToken);
        return loaded?.Subject;
    }

    /// <summary>The stored policies of a user, group or role named by ARN, for the policy simulator.</summary>
    public async Task<EffectivePrincipal?> FindPolicySourceAsync(string arn, CancellationToken cancellationToken)
    {
        var accountId = await accounts.GetAsync(cancellationToken);
        if (!IamArn.TryParse(arn, out var parsed) || parsed.AccountId != accountId || parsed.Kind != EntityKind.Group)
        {
            return (await FindByArnAsync(arn, cancellationToken))?.Policies;
        }

        var normalized = IamEntityName(parsed.Name);
        var groupId = await db.Groups.AsNoTracking().Where(g => g.NormalizedName == normalized && g.Path == parsed.Path)
            .Select(g => g.Id).SingleOrDefaultAsync(cancellationToken);
        return groupId is null ? null : (await loader.LoadGroupAsync(groupId, cancellationToken))?.Value;
    }

    /// <summary>The principal behind a live session, with the session's own policies and facts.</summary>
    public async Task<DecisionSubject?> FindBySessionAsync(SessionFacts session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var accountId = await accounts.GetAsync(cancellationToken);
        if (session.PrincipalId == accountId)
        {
            return Root(accountId, session);
        }

        if (session.Kind == SessionKind.AssumedRole)
        {
            var role = await cache.GetOrLoadAsync(
                "role:" + session.PrincipalId,
                ct => OrMissing(loader.LoadRoleAsync(session.PrincipalId, ct), PolicyChange.Role(session.PrincipalId)),
                cancellationToken);
            if (role is null)
            {
                return null;
            }

            var principal = new RequestPrincipal(
                session.PrincipalArn,
                $"{session.PrincipalId}:{session.RoleSessionName}",
                PrincipalType.AssumedRole,
                accountId,
                role.Principal.Tags,
                sessionIssuerArn: role.Principal.Arn);
            return new DecisionSubject(principal, role, session.SessionPolicy is { } p ? [p] : [], session);
        }

        var user = await cache.GetOrLoadAsync(
            "user:" + session.PrincipalId,
            ct => OrMissing(loader.LoadUserAsync(session.PrincipalId, ct), PolicyChange.User(session.PrincipalId)),
            cancellationToken);
        return user is null ? null : new DecisionSubject(user.Principal, user, [], session);
    }

    private static DecisionSubject Root(string accountId, SessionFacts? session) =>
        new(RootPrincipal(accountId), null, [], session);

    /// <summary>The account's root, built once: every request of a root caller needs it.</summary>
    private static RequestPrincipal RootPrincipal(string accountId)
    {
        var known = root;
        return known is not null && known.AccountId == accountId
            ? known
            : root = new RequestPrincipal($"arn:aws:iam::{accountId}:root", accountId, PrincipalType.Root, accountId);
    }

    private async Task<Loaded<EffectivePrincipal?>> LoadByArnAsync(IamArn arn, CancellationToken cancellationToken)
    {
        var normalized = IamEntityName(arn.Name);
        string? id = arn.Kind == EntityKind.User
            ? await db.Users.AsNoTracking().Where(u => u.NormalizedName == normalized && u.Path == arn.Path)
                .Select(u => u.Id).SingleOrDefaultAsync(cancellationToken)
            : arn.Kind == EntityKind.Role
                ? await db.Roles.AsNoTracking().Where(r => r.NormalizedName == normalized && r.Path == arn.Path)
                    .Select(r => r.Id).SingleOrDefaultAsync(cancellationToken)
                : null;
        if (id is null)
        {
            // Nothing to depend on: a miss is not cached, so a principal created later is found at once.
            return new Loaded<EffectivePrincipal?>(null, []);
        }

        var loaded = arn.Kind == EntityKind.User
            ? await loader.LoadUserAsync(id, cancellationToken)
            : await loader.LoadRoleAsync(id, cancellationToken);
        return loaded is null
            ? new Loaded<EffectivePrincipal?>(null, [])
            : new Loaded<EffectivePrincipal?>(loaded.Value, loaded.DependsOn);
    }

    private static async Task<Loaded<EffectivePrincipal?>> OrMissing(
        Task<Loaded<EffectivePrincipal>?> load,
        string change)
    {
        var loaded = await load;
        return loaded is null
            ? new Loaded<EffectivePrincipal?>(null, [change])
            : new Loaded<EffectivePrincipal?>(loaded.Value, loaded.DependsOn);
    }

    private static string IamEntityName(string name) => Data.Common.IamEntity.NormalizeName(name);
}
