using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Api.LoginProfiles;
using IamService.Api.PasswordPolicy;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Auth;

/// <summary>A signed-in principal changes their own password (IAM ChangePassword); every session then ends.</summary>
public sealed partial class PasswordChangeService(
    IamDbContext db,
    PasswordSignIn passwords,
    PasswordWriter writer,
    SignInLockout lockout,
    SessionRevoker sessions,
    IPasswordHasher<RootUser> rootHasher,
    TimeProvider time,
    ILogger<PasswordChangeService> logger)
{
    public async Task<Result> ChangeAsync(
        CallerIdentity caller,
        ChangePasswordRequest request,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var profile = caller.IsRoot
            ? null
            : await db.LoginProfiles.SingleOrDefaultAsync(p => p.UserId == caller.PrincipalId, cancellationToken);
        if (!caller.IsRoot && profile is null)
        {
            return IamError.NoSuchEntity("The caller has no password to change: only root and users with a " +
                "login profile have one.");
        }

        var policy = await db.PasswordPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        // IAM: with allowUsersToChangePassword off, users wait for an administrator. A password-change token
        // exists only because the password expired or must be reset, and that change is always allowed.
        if (!caller.IsRoot && policy is { AllowUsersToChangePassword: false }
            && caller.Kind != SessionKind.PasswordChange)
        {
            return new IamError(IamErrorCode.AccessDenied, StatusCodes.Status403Forbidden,
                "The account password policy does not let users change their own password: ask an administrator.");
        }

        var userName = caller.IsRoot ? PasswordSignIn.RootUserName : await UserNameAsync(caller, cancellationToken);
        if (await lockout.LockedUntilAsync(caller.PrincipalId, userName, cancellationToken) is { } until)
        {
            return SignInLockout.LockedError(until);
        }

        var oldPasswordRight = await passwords.VerifyCurrentAsync(
            caller.PrincipalId, caller.IsRoot, request.OldPassword, cancellationToken);
        if (!oldPasswordRight)
        {
            await lockout.RecordAsync(
                userName, caller.PrincipalId, SignInStep.Password, SignInFailure.WrongOldPassword, sourceIp,
                cancellationToken);
            return IamError.InvalidInput("The old password is incorrect.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = profile is null
            ? await ChangeRootAsync(request.NewPassword, caller.PrincipalId, cancellationToken)
            : await ChangeUserAsync(profile, userName, request.NewPassword, cancellationToken);
        if (!changed.IsSuccess)
        {
            return changed;
        }

        await transaction.CommitAsync(cancellationToken);
        Log.PasswordChanged(logger, userName, caller.PrincipalId);
        return Result.Success;
    }

    private async Task<Result> ChangeUserAsync(
        LoginProfile profile,
        string userName,
        string newPassword,
        CancellationToken cancellationToken)
    {
        profile.PasswordResetRequired = false;
        return await writer.SetAsync(profile, isNew: false, userName, newPassword, cancellationToken);
    }

    /// <summary>
    /// The account policy does not cover root (as in IAM), so root's password meets IAM's default rules and
    /// must differ from the current one.
    /// </summary>
    private async Task<Result> ChangeRootAsync(
        string newPassword,
        string accountId,
        CancellationToken cancellationToken)
    {
        var root = await db.RootUsers.SingleAsync(cancellationToken);
        var violations = PasswordValidator.Check(newPassword, PasswordSignIn.RootUserName, policy: null).ToList();
        if (rootHasher.VerifyHashedPassword(root, root.PasswordHash, newPassword) != PasswordVerificationResult.Failed)
        {
            violations.Add(new("passwordReusePrevention", "Choose a password different from the current one."));
        }

        if (violations.Count > 0)
        {
            return PasswordValidator.ToError(violations);
        }

        root.PasswordHash = rootHasher.HashPassword(root, newPassword);
        root.PasswordLastChanged = time.GetStoreTime();
        await db.SaveChangesAsync(cancellationToken);
        await sessions.RevokePrincipalAsync(accountId, cancellationToken);
        return Result.Success;
    }

    private Task<string> UserNameAsync(CallerIdentity caller, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == caller.PrincipalId).Select(u => u.Name)
            .SingleAsync(cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1306, Level = LogLevel.Information,
            Message = "{UserName} ({PrincipalId}) changed their password; their sessions have ended")]
        public static partial void PasswordChanged(ILogger logger, string userName, string principalId);
    }
}
