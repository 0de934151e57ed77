using System.Globalization;
using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Api.Policies;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Policies;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.EntityPolicies;

/// <summary>
/// The policies of users, groups and roles, written once for all three: attached managed policies, inline
/// policies and the permissions boundary. Writes that check something first hold the holder's row lock (and,
/// when a managed policy is involved, first the policy's), so the check still holds at commit.
/// </summary>
public sealed partial class EntityPolicyService<TEntity, TAttachment, TInline>(
    IamDbContext db,
    AccountIdProvider accounts,
    PolicyHolder<TEntity, TAttachment, TInline> holder,
    IOptions<LimitsOptions> limits,
    ILogger<EntityPolicyService<TEntity, TAttachment, TInline>> logger)
    where TEntity : IamEntity
    where TAttachment : class
    where TInline : InlinePolicy
{
    private const string PolicyIdColumn = PolicyHolders.PolicyIdColumn;
    private const string BoundaryColumn = PolicyHolders.BoundaryColumn;

    /// <summary>IAM ListAttachedUserPolicies, ListAttachedGroupPolicies, ListAttachedRolePolicies.</summary>
    public async Task<Result<AttachedPolicyListResponse>> ListAttachedAsync(
        string holderName,
        string? pathPrefix,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker, pathPrefix);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var attachments = db.Set<TAttachment>().Where(holder.AttachmentsOf(entity.Value.Id));
        var policies = await db.ManagedPolicies.AsNoTracking()
            .Where(p => attachments.Any(a => EF.Property<string>(a, PolicyIdColumn) == p.Id))
            .WithPathPrefix(pathPrefix)
            .ToPageAsync(page.Value, cancellationToken);
        var accountId = await accounts.GetAsync(cancellationToken);

        return new AttachedPolicyListResponse
        {
            AttachedPolicies = [.. policies.Items.Select(p => new AttachedPolicyResponse(p.Name, p.ArnOf(accountId)))],
            IsTruncated = policies.IsTruncated,
            Marker = policies.Marker,
        };
    }

    /// <summary>
    /// Attaches a managed policy (IAM AttachUserPolicy, ...). Attaching it again changes nothing and succeeds,
    /// as in IAM; a holder already at its quota of attached policies gets 409 LimitExceeded.
    /// </summary>
    public async Task<Result> AttachAsync(
        string holderName,
        string policyName,
        CancellationToken cancellationToken)
    {
        var found = await FindHolderAndPolicyAsync(holderName, policyName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (entity, policy) = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockPolicyAndHolderAsync(policy, entity, cancellationToken) is { } gone)
        {
            return gone;
        }

        var attached = await db.Set<TAttachment>().Where(holder.AttachmentsOf(entity.Id))
            .Select(a => EF.Property<string>(a, PolicyIdColumn)).ToListAsync(cancellationToken);
        if (attached.Contains(policy.Id))
        {
            return Result.Success;
        }

        var quota = limits.Value.AttachedPoliciesPerEntity;
        if (attached.Count >= quota)
        {
            return IamError.LimitExceeded($"PoliciesPer{holder.Kind.Title}", quota);
        }

        db.Add(holder.NewAttachment(entity.Id, policy.Id));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.PolicyAttached(logger, policy.Name, holder.Kind.ResourceType, entity.Name);
        return Result.Success;
    }

    /// <summary>Detaches a managed policy (IAM DetachUserPolicy, ...); the policy and the holder both stay.</summary>
    public async Task<Result> DetachAsync(
        string holderName,
        string policyName,
        CancellationToken cancellationToken)
    {
        var found = await FindHolderAndPolicyAsync(holderName, policyName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (entity, policy) = found.Value;
        var removed = await db.Set<TAttachment>().Where(holder.AttachmentsOf(entity.Id))
            .Where(a => EF.Property<string>(a, PolicyIdColumn) == policy.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            var arn = policy.ArnOf(await accounts.GetAsync(cancellationToken));
            return IamError.NoSuchEntity($"Policy {arn} is not attached to {holder.Kind.ResourceType} {entity.Name}.");
        }

        Log.PolicyDetached(logger, policy.Name, holder.Kind.ResourceType, entity.Name);
        return Result.Success;
    }

    /// <summary>IAM ListUserPolicies, ListGroupPolicies, ListRolePolicies: the names of the inline policies.</summary>
    public async Task<Result<InlinePolicyListResponse>> ListInlineAsync(
        string holderName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var policies = await db.Set<TInline>().AsNoTracking().Where(holder.InlinePoliciesOf(entity.Value.Id))
            .ToPageAsync(page.Value, cancellationToken);
        return new InlinePolicyListResponse
        {
            PolicyNames = [.. policies.Items.Select(p => p.Name)],
            IsTruncated = policies.IsTruncated,
            Marker = policies.Marker,
        };
    }

    /// <summary>
    /// Creates or replaces an inline policy (IAM PutUserPolicy, ...). IAM's inline quota is on the holder's
    /// inline policies together ("IAM and AWS STS quotas"): over it is 409 LimitExceeded, as IAM answers.
    /// </summary>
    public async Task<Result<InlinePolicyResponse>> PutInlineAsync(
        string holderName,
        string policyName,
        PutInlinePolicyRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (InputRules.CheckName(policyName, "policyName", InlinePolicy.MaxNameLength) is { } invalidName)
        {
            return invalidName;
        }

        var document = SubmittedDocument.Validate(
            request.PolicyDocument, "policyDocument", PolicyType.Identity, holder.InlineSizeLimit);
        if (!document.IsSuccess)
        {
            return document.Error;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Set<TEntity>().LockRowAsync(entity.Value.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(holder.Kind, holderName);
        }

        var policies = await db.Set<TInline>().Where(holder.InlinePoliciesOf(entity.Value.Id))
            .ToListAsync(cancellationToken);
        var normalized = IamEntity.NormalizeName(policyName);
        var existing = policies.Find(p => string.Equals(p.NormalizedName, normalized, StringComparison.Ordinal));
        var total = document.Value.Size + policies.Where(p => p != existing)
            .Sum(p => SubmittedDocument.CountSize(p.Document));
        if (total > holder.InlineSizeLimit)
        {
            return new IamError(IamErrorCode.LimitExceeded, StatusCodes.Status409Conflict, string.Create(
                CultureInfo.InvariantCulture,
                $"Maximum policy size of {holder.InlineSizeLimit} characters exceeded for {holder.Kind.ResourceType} " +
                $"{entity.Value.Name}: its inline policies would have {total} characters without white space."));
        }

        if (existing is null)
        {
            db.Add(holder.NewInline(entity.Value.Id, policyName, document.Value.Text));
        }
        else
        {
            existing.Document = document.Value.Text;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var storedName = existing?.Name ?? policyName;
        Log.InlinePolicyPut(logger, storedName, holder.Kind.ResourceType, entity.Value.Name, existing is not null);
        return InlinePolicyResponse.For(holder.Kind, entity.Value.Name, storedName, document.Value.Text) with
        {
            Warnings = document.Value.Warnings,
        };
    }

    /// <summary>IAM GetUserPolicy, GetGroupPolicy, GetRolePolicy.</summary>
    public async Task<Result<InlinePolicyResponse>> GetInlineAsync(
        string holderName,
        string policyName,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckName(policyName, "policyName", InlinePolicy.MaxNameLength) is { } invalidName)
        {
            return invalidName;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var normalized = IamEntity.NormalizeName(policyName);
        var policy = await db.Set<TInline>().AsNoTracking().Where(holder.InlinePoliciesOf(entity.Value.Id))
            .SingleOrDefaultAsync(p => p.NormalizedName == normalized, cancellationToken);
        return policy is null
            ? NoSuchInlinePolicy(holder.Kind, policyName)
            : InlinePolicyResponse.For(holder.Kind, entity.Value.Name, policy.Name, policy.Document);
    }

    /// <summary>IAM DeleteUserPolicy, DeleteGroupPolicy, DeleteRolePolicy.</summary>
    public async Task<Result> DeleteInlineAsync(
        string holderName,
        string policyName,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckName(policyName, "policyName", InlinePolicy.MaxNameLength) is { } invalidName)
        {
            return invalidName;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var normalized = IamEntity.NormalizeName(policyName);
        var removed = await db.Set<TInline>().Where(holder.InlinePoliciesOf(entity.Value.Id))
            .Where(p => p.NormalizedName == normalized)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return NoSuchInlinePolicy(holder.Kind, policyName);
        }

        Log.InlinePolicyDeleted(logger, policyName, holder.Kind.ResourceType, entity.Value.Name);
        return Result.Success;
    }

    /// <summary>The user's or role's permissions boundary; NoSuchEntity when it has none.</summary>
    public async Task<Result<PermissionsBoundaryResponse>> GetBoundaryAsync(
        string holderName,
        CancellationToken cancellationToken)
    {
        RequireBoundary();
        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var boundaryId = db.Entry(entity.Value).Property<string?>(BoundaryColumn).CurrentValue;
        var policy = boundaryId is null
            ? null
            : await db.ManagedPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == boundaryId, cancellationToken);
        return PermissionsBoundaryResponse.For(policy, await accounts.GetAsync(cancellationToken)) is { } boundary
            ? boundary
            : IamError.NoSuchEntity($"{holder.Kind.Title} {entity.Value.Name} has no permissions boundary.");
    }

    /// <summary>
    /// Sets the managed policy that caps a user's or role's permissions (IAM PutUserPermissionsBoundary,
    /// PutRolePermissionsBoundary), replacing any other. The policy is named by its ARN, as IAM takes it.
    /// </summary>
    public async Task<Result> PutBoundaryAsync(
        string holderName,
        PutPermissionsBoundaryRequest request,
        CancellationToken cancellationToken)
    {
        RequireBoundary();
        ArgumentNullException.ThrowIfNull(request);
        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking()
            .FindByArnAsync(accountId, request.PolicyArn, cancellationToken);
        if (!policy.IsSuccess)
        {
            return policy.Error;
        }

        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await LockPolicyAndHolderAsync(policy.Value, entity.Value, cancellationToken) is { } gone)
        {
            return gone;
        }

        var policyId = policy.Value.Id;
        await db.Set<TEntity>().Where(e => e.Id == entity.Value.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string?>(e, BoundaryColumn), policyId),
                cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.BoundarySet(logger, policy.Value.Name, holder.Kind.ResourceType, entity.Value.Name);
        return Result.Success;
    }

    /// <summary>Removes a user's or role's permissions boundary; removing none is not an error.</summary>
    public async Task<Result> DeleteBoundaryAsync(
        string holderName,
        CancellationToken cancellationToken)
    {
        RequireBoundary();
        if (InputRules.CheckName(holder.Kind, holderName) is { } invalid)
        {
            return invalid;
        }

        var normalized = IamEntity.NormalizeName(holderName);
        var updated = await db.Set<TEntity>().Where(e => e.NormalizedName == normalized)
            .ExecuteUpdateAsync(s => s.SetProperty(e => EF.Property<string?>(e, BoundaryColumn), (string?)null),
                cancellationToken);
        if (updated == 0)
        {
            return IamError.NoSuchEntity(holder.Kind, holderName);
        }

        Log.BoundaryRemoved(logger, holder.Kind.ResourceType, holderName);
        return Result.Success;
    }

    private async Task<Result<(TEntity Entity, ManagedPolicy Policy)>> FindHolderAndPolicyAsync(
        string holderName,
        string policyName,
        CancellationToken cancellationToken)
    {
        var entity = await db.Set<TEntity>().AsNoTracking().FindByNameAsync(holder.Kind, holderName, cancellationToken);
        if (!entity.IsSuccess)
        {
            return entity.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var policy = await db.ManagedPolicies.AsNoTracking()
            .FindByNameOrArnAsync(accountId, policyName, cancellationToken);
        return policy.IsSuccess ? (entity.Value, policy.Value) : policy.Error;
    }

    /// <summary>
    /// Locks the policy, then the holder, in the current transaction: the policy cannot be deleted until the new
    /// reference is committed, and attaches to one holder queue behind each other for the quota check. A forced
    /// policy delete takes the same locks in the same order, so the two cannot deadlock.
    /// </summary>
    private async Task<IamError?> LockPolicyAndHolderAsync(
        ManagedPolicy policy,
        TEntity entity,
        CancellationToken cancellationToken)
    {
        if (!await db.ManagedPolicies.LockRowAsync(policy.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Policy, policy.Name);
        }

        return await db.Set<TEntity>().LockRowAsync(entity.Id, cancellationToken)
            ? null
            : IamError.NoSuchEntity(holder.Kind, entity.Name);
    }

    private void RequireBoundary()
    {
        if (!holder.HasPermissionsBoundary)
        {
            throw new InvalidOperationException($"A {holder.Kind.ResourceType} cannot have a permissions boundary.");
        }
    }

    /// <summary>IAM's wording: "The user policy with name X cannot be found."</summary>
    private static IamError NoSuchInlinePolicy(EntityKind kind, string policyName) =>
        IamError.NoSuchEntity($"The {kind.ResourceType} policy with name {policyName} cannot be found.");

    private static partial class Log
    {
        [LoggerMessage(2400, LogLevel.Information, "Attached managed policy {PolicyName} to {HolderType} {HolderName}")]
        public static partial void PolicyAttached(
            ILogger logger,
            string policyName,
            string holderType,
            string holderName);

        [LoggerMessage(2401, LogLevel.Information,
            "Detached managed policy {PolicyName} from {HolderType} {HolderName}")]
        public static partial void PolicyDetached(
            ILogger logger,
            string policyName,
            string holderType,
            string holderName);

        [LoggerMessage(2402, LogLevel.Information,
            "Put inline policy {PolicyName} of {HolderType} {HolderName}; replaced an existing one: {Replaced}")]
        public static partial void InlinePolicyPut(
            ILogger logger,
            string policyName,
            string holderType,
            string holderName,
            bool replaced);

        [LoggerMessage(2403, LogLevel.Information, "Deleted inline policy {PolicyName} of {HolderType} {HolderName}")]
        public static partial void InlinePolicyDeleted(
            ILogger logger,
            string policyName,
            string holderType,
            string holderName);

        [LoggerMessage(2404, LogLevel.Information,
            "Set managed policy {PolicyName} as the permissions boundary of {HolderType} {HolderName}")]
        public static partial void BoundarySet(ILogger logger, string policyName, string holderType, string holderName);

        [LoggerMessage(2405, LogLevel.Information, "Removed the permissions boundary of {HolderType} {HolderName}")]
        public static partial void BoundaryRemoved(ILogger logger, string holderType, string holderName);
    }
}
