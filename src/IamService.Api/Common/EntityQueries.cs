using IamService.Data.Common;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Common;

/// <summary>Lookups and locks that every kind of named entity needs.</summary>
public static class EntityQueries
{
    /// <summary>
    /// The entity with this name regardless of case: a ValidationError when the name breaks the kind's rules,
    /// NoSuchEntity when there is none.
    /// </summary>
    public static async Task<Result<T>> FindByNameAsync<T>(
        this IQueryable<T> source,
        EntityKind kind,
        string name,
        CancellationToken cancellationToken)
        where T : IamEntity
    {
        if (InputRules.CheckName(kind, name) is { } invalid)
        {
            return invalid;
        }

        var normalized = IamEntity.NormalizeName(name);
        var entity = await source.SingleOrDefaultAsync(e => e.NormalizedName == normalized, cancellationToken);
        return entity is null ? IamError.NoSuchEntity(kind, name) : entity;
    }

    /// <summary>The managed policy of this account that the ARN names.</summary>
    public static async Task<Result<ManagedPolicy>> FindByArnAsync(
        this IQueryable<ManagedPolicy> source,
        string accountId,
        string arn,
        CancellationToken cancellationToken)
    {
        if (!IamArn.TryParse(arn, out var parsed) || parsed.Kind != EntityKind.Policy)
        {
            return IamError.InvalidInput(
                $"ARN {arn} is not valid: give a managed policy's ARN, such as arn:aws:iam::{accountId}:policy/Name.");
        }

        if (!string.Equals(parsed.AccountId, accountId, StringComparison.Ordinal))
        {
            return IamError.NoSuchPolicy(arn);
        }

        var normalized = IamEntity.NormalizeName(parsed.Name);
        var policy = await source.SingleOrDefaultAsync(
            p => p.NormalizedName == normalized && p.Path == parsed.Path, cancellationToken);
        return policy is null ? IamError.NoSuchPolicy(arn) : policy;
    }

    public static Task<bool> NameExistsAsync<T>(
        this IQueryable<T> source,
        string name,
        CancellationToken cancellationToken)
        where T : IamEntity
    {
        var normalized = IamEntity.NormalizeName(name);
        return source.AnyAsync(e => e.NormalizedName == normalized, cancellationToken);
    }

    /// <summary>
    /// Takes the write lock of the entity's row until the transaction ends, by setting a column to itself, so
    /// that checks made after it (limits, what blocks a delete) still hold at commit: a second writer of the
    /// same row waits here. Returns false when the row does not exist (any more).
    /// </summary>
    public static async Task<bool> LockRowAsync<T>(
        this IQueryable<T> source,
        string id,
        CancellationToken cancellationToken)
        where T : IamEntity
    {
        var updated = await source.Where(e => e.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Path, e => e.Path), cancellationToken);
        return updated == 1;
    }
}
