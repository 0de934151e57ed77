using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.AccessKeys;

/// <summary>Users' access keys: created with a secret shown once, listed, switched on and off, deleted.</summary>
public sealed partial class AccessKeyService(
    IamDbContext db,
    SessionRevoker sessions,
    TimeProvider time,
    ILogger<AccessKeyService> logger)
{
    /// <summary>IAM's fixed quota: two keys let a user rotate without a moment without a working key.</summary>
    public const int MaxKeysPerUser = 2;

    /// <summary>
    /// Creates a key. The user's row lock makes the quota hold under concurrent creates: a second request
    /// waits, then counts the first one's key.
    /// </summary>
    public async Task<Result<CreatedAccessKeyResponse>> CreateAsync(
        string userName,
        CancellationToken cancellationToken)
    {
        var found = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Users.LockRowAsync(user.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.User, userName);
        }

        if (await db.AccessKeys.CountAsync(k => k.UserId == user.Id, cancellationToken) >= MaxKeysPerUser)
        {
            return IamError.LimitExceeded("AccessKeysPerUser", MaxKeysPerUser);
        }

        var secret = AccessKeySecrets.NewSecret();
        var key = new AccessKey(AccessKeySecrets.NewId(), user.Id, AccessKeySecrets.Hash(secret), time.GetStoreTime());
        db.AccessKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.KeyCreated(logger, key.AccessKeyId, user.Name, user.Id);
        return new CreatedAccessKeyResponse(user.Name, key.AccessKeyId, AccessKeyStatus.Active, secret, key.CreateDate);
    }

    public async Task<Result<AccessKeyListResponse>> ListAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var keys = await db.AccessKeys.AsNoTracking()
            .Where(k => k.UserId == user.Value.Id)
            .OrderBy(k => k.CreateDate).ThenBy(k => k.AccessKeyId)
            .ToListAsync(cancellationToken);
        return new AccessKeyListResponse([.. keys.Select(k => AccessKeyMetadataResponse.For(k, user.Value.Name))]);
    }

    /// <summary>Switches a key on or off; switching it off also ends every session token obtained with it.</summary>
    public async Task<Result> UpdateAsync(
        string userName,
        string accessKeyId,
        AccessKeyStatus status,
        CancellationToken cancellationToken)
    {
        var user = await FindUserAndCheckIdAsync(userName, accessKeyId, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var active = status == AccessKeyStatus.Active;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.AccessKeys
            .Where(k => k.AccessKeyId == accessKeyId && k.UserId == user.Value.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.IsActive, active), cancellationToken);
        if (updated == 0)
        {
            return NoSuchKey(accessKeyId);
        }

        var revoked = active ? 0 : await sessions.RevokeAccessKeyAsync(accessKeyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.KeyStatusChanged(logger, accessKeyId, user.Value.Name, status, revoked);
        return Result.Success;
    }

    /// <summary>Deletes a key and ends every session token obtained with it.</summary>
    public async Task<Result> DeleteAsync(string userName, string accessKeyId, CancellationToken cancellationToken)
    {
        var user = await FindUserAndCheckIdAsync(userName, accessKeyId, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var deleted = await db.AccessKeys
            .Where(k => k.AccessKeyId == accessKeyId && k.UserId == user.Value.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return NoSuchKey(accessKeyId);
        }

        var revoked = await sessions.RevokeAccessKeyAsync(accessKeyId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.KeyDeleted(logger, accessKeyId, user.Value.Name, revoked);
        return Result.Success;
    }

    public async Task<Result<AccessKeyLastUsedResponse>> GetLastUsedAsync(
        string accessKeyId,
        CancellationToken cancellationToken)
    {
        if (CheckId(accessKeyId) is { } invalid)
        {
            return invalid;
        }

        var found = await db.AccessKeys.AsNoTracking()
            .Where(k => k.AccessKeyId == accessKeyId)
            .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { u.Name, k.LastUsedDate, k.LastUsedService })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return NoSuchKey(accessKeyId);
        }

        var lastUsed = new AccessKeyLastUsed(found.LastUsedDate, found.LastUsedService ?? AccessKeyLastUsed.NeverUsed);
        return new AccessKeyLastUsedResponse(found.Name, lastUsed);
    }

    private async Task<Result<User>> FindUserAndCheckIdAsync(
        string userName,
        string accessKeyId,
        CancellationToken cancellationToken)
    {
        if (CheckId(accessKeyId) is { } invalid)
        {
            return invalid;
        }

        return await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
    }

    private static IamError? CheckId(string accessKeyId) => AccessKeySecrets.IsWellFormedId(accessKeyId)
        ? null
        : IamError.Validation(
            $"Value '{accessKeyId}' at 'accessKeyId' failed to satisfy constraint: Member must be AKIA followed by "
            + "16 characters of A-Z and 2-7");

    private static IamError NoSuchKey(string accessKeyId) =>
        IamError.NoSuchEntity($"The Access Key with id {accessKeyId} cannot be found.");

    private static partial class Log
    {
        [LoggerMessage(6100, LogLevel.Information, "Created access key {AccessKeyId} for user {UserName} ({UserId})")]
        public static partial void KeyCreated(ILogger logger, string accessKeyId, string userName, string userId);

        [LoggerMessage(6101, LogLevel.Information,
            "Set access key {AccessKeyId} of user {UserName} to {Status}; sessions revoked: {RevokedSessions}")]
        public static partial void KeyStatusChanged(
            ILogger logger,
            string accessKeyId,
            string userName,
            AccessKeyStatus status,
            int revokedSessions);

        [LoggerMessage(6102, LogLevel.Information,
            "Deleted access key {AccessKeyId} of user {UserName}; sessions revoked: {RevokedSessions}")]
        public static partial void KeyDeleted(ILogger logger, string accessKeyId, string userName, int revokedSessions);
    }
}
