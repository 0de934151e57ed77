using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.LoginProfiles;

/// <summary>Users' console passwords: set, shown (as state only) and removed by an administrator.</summary>
public sealed partial class LoginProfileService(
    IamDbContext db,
    PasswordWriter passwords,
    SessionRevoker sessions,
    TimeProvider time,
    ILogger<LoginProfileService> logger)
{
    /// <summary>The profile, and whether this call created it.</summary>
    public sealed record PutOutcome(LoginProfileResponse Profile, bool Created);

    public async Task<Result<PutOutcome>> PutAsync(
        string userName,
        LoginProfileRequest request,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var profile = await db.LoginProfiles.SingleOrDefaultAsync(p => p.UserId == user.Value.Id, cancellationToken);
        var isNew = profile is null;
        if (isNew && request.Password is null)
        {
            return IamError.Validation(
                "Value at 'password' failed to satisfy constraint: Member must not be null "
                + "when creating a login profile");
        }

        profile ??= new LoginProfile(user.Value.Id, "", time.GetStoreTime());
        profile.PasswordResetRequired = request.PasswordResetRequired;
        if (request.Password is { } password)
        {
            var set = await passwords.SetAsync(profile, isNew, user.Value.Name, password, cancellationToken);
            if (!set.IsSuccess)
            {
                return set.Error;
            }
        }
        else
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Log.LoginProfileSet(logger, user.Value.Name, user.Value.Id, isNew, request.Password is not null);
        return new PutOutcome(LoginProfileResponse.From(user.Value.Name, profile), isNew);
    }

    public async Task<Result<LoginProfileResponse>> GetAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        var profile = await db.LoginProfiles.AsNoTracking()
            .SingleOrDefaultAsync(p => p.UserId == user.Value.Id, cancellationToken);
        return profile is null ? NoProfile(user.Value) : LoginProfileResponse.From(user.Value.Name, profile);
    }

    /// <summary>Removes the password and its history; the user's sessions end and password sign-in stops.</summary>
    public async Task<Result> DeleteAsync(string userName, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FindByNameAsync(EntityKind.User, userName, cancellationToken);
        if (!user.IsSuccess)
        {
            return user.Error;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = user.Value.Id;
        if (await db.LoginProfiles.Where(p => p.UserId == id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return NoProfile(user.Value);
        }

        await db.PasswordHistory.Where(e => e.PrincipalId == id).ExecuteDeleteAsync(cancellationToken);
        await sessions.RevokePrincipalAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.LoginProfileDeleted(logger, user.Value.Name, id);
        return Result.Success;
    }

    /// <summary>IAM's wording for a user without a console password.</summary>
    private static IamError NoProfile(User user) =>
        IamError.NoSuchEntity($"Login Profile for User {user.Name} cannot be found.");

    private static partial class Log
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Information,
            Message = "Set the login profile of user {UserName} ({UserId}): created {Created}, "
                + "new password {NewPassword}")]
        public static partial void LoginProfileSet(
            ILogger logger, string userName, string userId, bool created, bool newPassword);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Information,
            Message = "Deleted the login profile of user {UserName} ({UserId})")]
        public static partial void LoginProfileDeleted(ILogger logger, string userName, string userId);
    }
}
