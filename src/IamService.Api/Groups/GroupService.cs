using IamService.Api.Common;
using IamService.Api.Users;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Groups;

/// <summary>Groups: their lifecycle, their members and their tags. Every write is one transaction.</summary>
public sealed partial class GroupService(
    IamDbContext db,
    AccountIdProvider accounts,
    TimeProvider time,
    IOptions<LimitsOptions> limits,
    ILogger<GroupService> logger)
{
    public async Task<Result<GroupListResponse>> ListAsync(
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
        var groups = await db.Groups.AsNoTracking().WithPathPrefix(pathPrefix)
            .ToPageAsync(page.Value, cancellationToken);

        return new GroupListResponse
        {
            Groups = [.. groups.Items.Select(g => GroupResponse.Summary(g, accountId))],
            IsTruncated = groups.IsTruncated,
            Marker = groups.Marker,
        };
    }

    public async Task<Result<GroupResponse>> CreateAsync(
        CreateGroupRequest request,
        CancellationToken cancellationToken)
    {
        var path = request.Path ?? "/";
        var invalid = InputRules.CheckName(EntityKind.Group, request.GroupName)
            ?? InputRules.CheckPath(path)
            ?? InputRules.CheckTags(request.Tags);
        if (invalid is not null)
        {
            return invalid;
        }

        var group = new Group(IamIds.New(EntityKind.Group), request.GroupName, path, time.GetStoreTime());
        group.Tags.AddRange(request.Tags?.Select(t => new GroupTag(group.Id, t.Key, t.Value)) ?? []);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Creates queue on the account row so that two of them cannot both pass the quota check.
        await db.Accounts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Alias, a => a.Alias), cancellationToken);
        if (await db.Groups.NameExistsAsync(group.Name, cancellationToken))
        {
            return IamError.EntityAlreadyExists(EntityKind.Group, group.Name);
        }

        var quota = limits.Value.GroupsPerAccount;
        if (await db.Groups.CountAsync(cancellationToken) >= quota)
        {
            return IamError.LimitExceeded("GroupsPerAccount", quota);
        }

        db.Groups.Add(group);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return IamError.EntityAlreadyExists(EntityKind.Group, group.Name);
        }

        Log.GroupCreated(logger, group.Name, group.Id);
        return GroupResponse.Full(group, await accounts.GetAsync(cancellationToken));
    }

    /// <summary>The group with its tags and one page of its members, as IAM's GetGroup.</summary>
    public async Task<Result<GroupDetailResponse>> GetAsync(
        string groupName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var group = await db.Groups.AsNoTracking().Include(g => g.Tags)
            .FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var members = await MembersOf(group.Value.Id).ToPageAsync(page.Value, cancellationToken);

        return new GroupDetailResponse
        {
            Group = GroupResponse.Full(group.Value, accountId),
            Users = [.. members.Items.Select(u => UserResponse.Summary(u, accountId))],
            IsTruncated = members.IsTruncated,
            Marker = members.Marker,
        };
    }

    public async Task<Result<GroupResponse>> UpdateAsync(
        string groupName,
        UpdateGroupRequest request,
        CancellationToken cancellationToken)
    {
        var invalid = (request.NewGroupName is null
                ? null
                : InputRules.CheckName(EntityKind.Group, request.NewGroupName, "newGroupName"))
            ?? (request.NewPath is null ? null : InputRules.CheckPath(request.NewPath, "newPath"));
        if (invalid is not null)
        {
            return invalid;
        }

        var found = await db.Groups.Include(g => g.Tags)
            .FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var group = found.Value;
        var oldName = group.Name;
        if (request.NewGroupName is { } newName)
        {
            var renamesToAnother = !string.Equals(
                IamEntity.NormalizeName(newName), group.NormalizedName, StringComparison.Ordinal);
            if (renamesToAnother && await db.Groups.NameExistsAsync(newName, cancellationToken))
            {
                return IamError.EntityAlreadyExists(EntityKind.Group, newName);
            }

            group.Rename(newName);
        }

        group.Path = request.NewPath ?? group.Path;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return IamError.EntityAlreadyExists(EntityKind.Group, group.Name);
        }

        Log.GroupUpdated(logger, oldName, group.Name, group.Path, group.Id);
        return GroupResponse.Full(group, await accounts.GetAsync(cancellationToken));
    }

    /// <summary>
    /// Deletes a group. Without <paramref name="force"/> it refuses (DeleteConflict) while the group has
    /// members or attached or inline policies, as IAM's DeleteGroup does; with it, those go in the same
    /// transaction. The members themselves are never deleted, only their membership.
    /// </summary>
    public async Task<Result> DeleteAsync(string groupName, bool force, CancellationToken cancellationToken)
    {
        var found = await db.Groups.AsNoTracking().FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var group = found.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Groups.LockRowAsync(group.Id, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Group, groupName);
        }

        var blockers = await LoadDeleteBlockersAsync(group.Id, cancellationToken);
        if (!force && !blockers.IsEmpty)
        {
            return blockers.ToConflict(EntityKind.Group, group.Name);
        }

        await db.Groups.Where(g => g.Id == group.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.GroupDeleted(logger, group.Name, group.Id, !blockers.IsEmpty);
        return Result.Success;
    }

    public async Task<Result<UserListResponse>> ListUsersAsync(
        string groupName,
        int? maxItems,
        string? marker,
        CancellationToken cancellationToken)
    {
        var page = PageRequest.Create(maxItems, marker);
        if (!page.IsSuccess)
        {
            return page.Error;
        }

        var group = await db.Groups.AsNoTracking().FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var members = await MembersOf(group.Value.Id).ToPageAsync(page.Value, cancellationToken);

        return new UserListResponse
        {
            Users = [.. members.Items.Select(u => UserResponse.Summary(u, accountId))],
            IsTruncated = members.IsTruncated,
            Marker = members.Marker,
        };
    }

    /// <summary>
    /// Adds a user to a group; adding a member again changes nothing. Both rows are locked (user first,
    /// always in that order) so that the groups-per-user quota holds under concurrent adds and a concurrent
    /// delete of either side cannot lose the membership silently.
    /// </summary>
    public async Task<Result> AddUserAsync(string groupName, string userName, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var (groupId, userId) = (group.Value.Id, user.Value.Id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Users.LockRowAsync(userId, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.User, userName);
        }

        if (!await db.Groups.LockRowAsync(groupId, cancellationToken))
        {
            return IamError.NoSuchEntity(EntityKind.Group, groupName);
        }

        if (await db.GroupMemberships.AnyAsync(m => m.GroupId == groupId && m.UserId == userId, cancellationToken))
        {
            return Result.Success;
        }

        var quota = limits.Value.GroupsPerUser;
        if (await db.GroupMemberships.CountAsync(m => m.UserId == userId, cancellationToken) >= quota)
        {
            return IamError.LimitExceeded("GroupsPerUser", quota);
        }

        db.GroupMemberships.Add(new GroupMembership(groupId, userId));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        Log.UserAdded(logger, user.Value.Name, group.Value.Name);
        return Result.Success;
    }

    public async Task<Result> RemoveUserAsync(string groupName, string userName, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var removed = await db.GroupMemberships
            .Where(m => m.GroupId == group.Value.Id && m.UserId == user.Value.Id)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return IamError.NoSuchEntity(
                $"The user with name {user.Value.Name} is not a member of the group with name {group.Value.Name}.");
        }

        Log.UserRemoved(logger, user.Value.Name, group.Value.Name);
        return Result.Success;
    }

    public async Task<Result<TagListResponse>> ListTagsAsync(string groupName, CancellationToken cancellationToken)
    {
        var group = await db.Groups.AsNoTracking().Include(g => g.Tags)
            .FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        return group.IsSuccess ? new TagListResponse(TagMerge.ToResponse(group.Value.Tags)) : group.Error;
    }

    public async Task<Result> TagAsync(string groupName, TagsRequest request, CancellationToken cancellationToken)
    {
        if (InputRules.CheckTags(request.Tags) is { } invalid)
        {
            return invalid;
        }

        var group = await db.Groups.Include(g => g.Tags)
            .FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        var groupId = group.Value.Id;
        if (TagMerge.Apply(group.Value.Tags, request.Tags, t => new GroupTag(groupId, t.Key, t.Value)) is { } tooMany)
        {
            return tooMany;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    public async Task<Result> UntagAsync(
        string groupName,
        IReadOnlyList<string> tagKeys,
        CancellationToken cancellationToken)
    {
        if (InputRules.CheckTagKeys(tagKeys) is { } invalid)
        {
            return invalid;
        }

        var group = await db.Groups.Include(g => g.Tags)
            .FindByNameAsync(EntityKind.Group, groupName, cancellationToken);
        if (!group.IsSuccess)
        {
            return group.Error;
        }

        TagMerge.Remove(group.Value.Tags, tagKeys);
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success;
    }

    private IQueryable<Data.Users.User> MembersOf(string groupId) =>
        db.GroupMemberships.AsNoTracking().Where(m => m.GroupId == groupId).Select(m => m.User!);

    private async Task<DeleteBlockers> LoadDeleteBlockersAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = await db.GroupMemberships.Where(m => m.GroupId == groupId)
            .OrderBy(m => m.User!.NormalizedName).Select(m => m.User!.Name).ToListAsync(cancellationToken);
        var attached = await db.GroupPolicyAttachments.Where(a => a.GroupId == groupId)
            .OrderBy(a => a.Policy!.NormalizedName).Select(a => a.Policy!.Name).ToListAsync(cancellationToken);
        var inline = await db.GroupInlinePolicies.Where(p => p.GroupId == groupId)
            .OrderBy(p => p.NormalizedName).Select(p => p.Name).ToListAsync(cancellationToken);

        return new DeleteBlockers()
            .Add("users", "members", members)
            .Add("attachedPolicies", "attached policies", attached)
            .Add("inlinePolicies", "inline policies", inline);
    }

    private static partial class Log
    {
        [LoggerMessage(2100, LogLevel.Information, "Created group {GroupName} ({GroupId})")]
        public static partial void GroupCreated(ILogger logger, string groupName, string groupId);

        [LoggerMessage(2101, LogLevel.Information, "Updated group {OldGroupName} to {GroupName} at {Path} ({GroupId})")]
        public static partial void GroupUpdated(
            ILogger logger,
            string oldGroupName,
            string groupName,
            string path,
            string groupId);

        [LoggerMessage(2102, LogLevel.Information,
            "Deleted group {GroupName} ({GroupId}); forced removal of its members and policies: {Forced}")]
        public static partial void GroupDeleted(ILogger logger, string groupName, string groupId, bool forced);

        [LoggerMessage(2103, LogLevel.Information, "Added user {UserName} to group {GroupName}")]
        public static partial void UserAdded(ILogger logger, string userName, string groupName);

        [LoggerMessage(2104, LogLevel.Information, "Removed user {UserName} from group {GroupName}")]
        public static partial void UserRemoved(ILogger logger, string userName, string groupName);
    }
}
