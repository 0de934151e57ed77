using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Groups;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Users;

/// <summary>Users: their lifecycle, their groups and their tags. Every write is one transaction.</summary>
public sealed partial class UserService(
    IamDbContext db,
    AccountIdProvider accounts,
    SessionRevoker sessions,
    TimeProvider time,
    ILogger<UserService> logger)
{
    public async Task<Result<UserListResponse>> ListAsync(
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

        var accountId = await accounts.GetAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().WithPathPrefix(pathPrefix).ToPageAsync(page.Value, cancellationToken);

        return new UserListResponse
        {
            Users = [.. users.Items.Select(u => UserResponse.Summary(u, accountId))],
            IsTruncated = users.IsTruncated,
            Marker = users.Marker,
        };
    }

    public async Task<Result<UserResponse>> CreateAsync(CreateUserRequest request, CancellationToken cancellationToken)
    {
        var path = request.Path ?? "/";
        var invalid = InputRules.CheckName(EntityKind.User, request.UserName)
            ?? CheckNotReserved(request.UserName)
            ?? InputRules.CheckPath(path)
            ?? InputRules.CheckTags(request.Tags);
        if (invalid is not null)
        {
            return invalid;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var user = new User(IamIds.New(EntityKind.User), request.UserName, path, time.GetStoreTime());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (request.PermissionsBoundary is { } boundaryArn)
        {
            var boundary = await db.ManagedPolicies.FindByArnAsync(accountId, boundaryArn, cancellationToken);
            // The policy's row lock keeps it from being deleted before this user refers to it.
            if (!boundary.IsSuccess || !await db.ManagedPolicies.LockRowAsync(boundary.Value.Id, cancellationToken))
            {
                return boundary.Error ?? IamError.NoSuchPolicy(boundaryArn);
            }

            user.PermissionsBoundary = boundary.Value;
        }

        user.Tags.AddRange(request.Tags?.Select(t => new UserTag(user.Id, t.Key, t.Value)) ?? []);
        if (await db.Users.NameExistsAsync(user.Name, cancellationToken))
        {
            return IamError.EntityAlreadyExists(EntityKind.User, user.Name);
        }

        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A concurrent request created the same name between the check and the insert.
            return IamError.EntityAlreadyExists(EntityKind.User, user.Name);
        }

        Log.UserCreated(logger, user.Name, user.Id);
        return UserResponse.Full(user, accountId);
    }

    public async Task<Result<UserResponse>> GetAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking()
            .Include(u => u.Tags)
            .Include(u => u.PermissionsBoundary)
            .FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        return UserResponse.Full(user.Value, await accounts.GetAsync(cancellationToken));
    }

    public async Task<Result<UserResponse>> UpdateAsync(
        string userName,
        UpdateUserRequest request,
        CancellationToken cancellationToken)
    {
        var invalid = (request.NewUserName is null
                ? null
                : InputRules.CheckName(EntityKind.User, request.NewUserName, "newUserName")
                    ?? CheckNotReserved(request.NewUserName))
            ?? (request.NewPath is null ? null : InputRules.CheckPath(request.NewPath, "newPath"));
        if (invalid is not null)
        {
            return invalid;
        }

        var found = await db.Users
            .Include(u => u.Tags)
            .Include(u => u.PermissionsBoundary)
            .FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var user = found.Value;
        var oldName = user.Name;
        if (request.NewUserName is { } newName)
        {
            var renamesToAnother = !string.Equals(
                IamEntity.NormalizeName(newName), user.NormalizedName, StringComparison.Ordinal);
            if (renamesToAnother && await db.Users.NameExistsAsync(newName, cancellationToken))
            {
                return IamError.EntityAlreadyExists(EntityKind.User, newName);
            }

            user.Rename(newName);
        }

        user.Path = request.NewPath ?? user.Path;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return IamError.EntityAlreadyExists(EntityKind.User, user.Name);
        }

        Log.UserUpdated(logger, oldName, user.Name, user.Path, user.Id);
        return UserResponse.Full(user, await accounts.GetAsync(cancellationToken));
    }

    /// <summary>
    /// Deletes a user. Without <paramref name="force"/> it refuses (DeleteConflict) while the user is in a
    /// group, has attached or inline policies, a login profile, access keys or MFA devices, listing them, as
    /// IAM's DeleteUser does; with it, those go in the same transaction (the schema cascades memberships and
    /// policies with the user row; credentials are deleted here). Every session of the user, and every role
    /// session or session token it opened, is revoked. The row lock keeps a concurrent add-to-group or new key
    /// from slipping in between the check and the delete.
    /// </summary>
    public async Task<Result> DeleteAsync(string userName, bool force, CancellationToken cancellationToken)
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

        var blockers = await LoadDeleteBlockersAsync(user, cancellationToken);
        if (!force && !blockers.IsEmpty)
        {
            return blockers.ToConflict(EntityKind.User, user.Name);
        }

        await DeleteCredentialsAsync(user.Id, cancellationToken);
        await db.Users.Where(u => u.Id == user.Id).ExecuteDeleteAsync(cancellationToken);
        var revoked = await sessions.RevokePrincipalAsync(user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.UserDeleted(logger, user.Name, user.Id, !blockers.IsEmpty, revoked);
        return Result.Success;
    }

    public async Task<Result<GroupListResponse>> ListGroupsAsync(
        string userName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var groups = await db.GroupMemberships.AsNoTracking()
            .Where(m => m.UserId == user.Value.Id)
            .Select(m => m.Group!)
            .ToPageAsync(page.Value, cancellationToken);

        return new GroupListResponse
        {
            Groups = [.. groups.Items.Select(g => GroupResponse.Summary(g, accountId))],
            IsTruncated = groups.IsTruncated,
            Marker = groups.Marker,
        };
    }

    public async Task<Result<TagListResponse>> ListTagsAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.Tags)
            .FindByNameAsync(EntityKind.User, userName, cancellationToken);
        return user.IsSuccess ? new TagListResponse(TagMerge.ToResponse(user.Value.Tags)) : user.Error;
    }

    public async Task<Result> TagAsync(string userName, TagsRequest request, CancellationToken cancellationToken)
    {
        if (InputRules.CheckTags(request.Tags) is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.Include(u => u.Tags).FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var userId = user.Value.Id;
        if (TagMerge.Apply(user.Value.Tags, request.Tags, t => new UserTag(userId, t.Key, t.Value)) is { } tooMany)
        {
            return tooMany;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> UntagAsync(
        string userName,
        IReadOnlyList<string> tagKeys,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckTagKeys(tagKeys) is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.Include(u => u.Tags).FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        TagMerge.Remove(user.Value.Tags, tagKeys);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private async Task<DeleteBlockers> LoadDeleteBlockersAsync(User user, CancellationToken cancellationToken)
    {
        var userId = user.Id;
        var groups = await db.GroupMemberships.Where(m => m.UserId == userId)
            .OrderBy(m => m.Group!.NormalizedName).Select(m => m.Group!.Name).ToListAsync(cancellationToken);
        var attached = await db.UserPolicyAttachments.Where(a => a.UserId == userId)
            .OrderBy(a => a.Policy!.NormalizedName).Select(a => a.Policy!.Name).ToListAsync(cancellationToken);
        var inline = await db.UserInlinePolicies.Where(p => p.UserId == userId)
            .OrderBy(p => p.NormalizedName).Select(p => p.Name).ToListAsync(cancellationToken);
        var loginProfile = await db.LoginProfiles.AnyAsync(p => p.UserId == userId, cancellationToken);
        var accessKeys = await db.AccessKeys.Where(k => k.UserId == userId)
            .OrderBy(k => k.AccessKeyId).Select(k => k.AccessKeyId).ToListAsync(cancellationToken);
        // A pending device, never enabled, is not assigned to the user yet (as in IAM) and blocks nothing.
        var mfaDevices = await db.MfaDevices.Where(d => d.PrincipalId == userId && d.EnableDate != null)
            .OrderBy(d => d.NormalizedName).Select(d => d.Name).ToListAsync(cancellationToken);

        return new DeleteBlockers()
            .Add("groups", "group memberships", groups)
            .Add("attachedPolicies", "attached policies", attached)
            .Add("inlinePolicies", "inline policies", inline)
            .Add("loginProfile", "login profiles", loginProfile ? [user.Name] : [])
            .Add("accessKeys", "access keys", accessKeys)
            .Add("mfaDevices", "MFA devices", mfaDevices);
    }

    /// <summary>
    /// Removes what goes with the user beyond what the schema cascades: its credentials and MFA devices (only
    /// pending ones unless forced) and its password history, none of which may outlive the user.
    /// </summary>
    private async Task DeleteCredentialsAsync(string userId, CancellationToken cancellationToken)
    {
        await db.AccessKeys.Where(k => k.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.LoginProfiles.Where(p => p.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.MfaDevices.Where(d => d.PrincipalId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.PasswordHistory.Where(e => e.PrincipalId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Root signs in as "root", so no user may take that name, in any case.</summary>
    private static IamError? CheckNotReserved(string userName) =>
        string.Equals(userName, PasswordSignIn.RootUserName, StringComparison.OrdinalIgnoreCase)
            ? IamError.InvalidInput($"The user name '{userName}' is reserved: root signs in with it.")
            : null;

    private static partial class Log
    {
        [LoggerMessage(2000, LogLevel.Information, "Created user {UserName} ({UserId})")]
        public static partial void UserCreated(ILogger logger, string userName, string userId);

        [LoggerMessage(2001, LogLevel.Information, "Updated user {OldUserName} to {UserName} at {Path} ({UserId})")]
        public static partial void UserUpdated(
            ILogger logger,
            string oldUserName,
            string userName,
            string path,
            string userId);

        [LoggerMessage(2002, LogLevel.Information,
            "Deleted user {UserName} ({UserId}); forced removal of its memberships, policies and credentials: "
            + "{Forced}; sessions revoked: {RevokedSessions}")]
        public static partial void UserDeleted(
            ILogger logger,
            string userName,
            string userId,
            bool forced,
            int revokedSessions);
    }
}
