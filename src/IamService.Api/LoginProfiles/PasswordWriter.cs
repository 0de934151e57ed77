using System.Globalization;
using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.PasswordPolicy;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.LoginProfiles;

/// <summary>
/// Sets a user's password, whoever asks (an administrator or the user): the password policy and reuse
/// prevention are checked, the old hash goes to the history, and the user's sessions end.
/// </summary>
public sealed class PasswordWriter(
    IamDbContext db,
    IPasswordHasher<LoginProfile> hasher,
    SessionRevoker sessions,
    TimeProvider time)
{
    /// <summary>IAM's largest passwordReusePrevention: older hashes are never consulted, so none are kept.</summary>
    public const int MaxHistory = 24;

    /// <summary>
    /// Hashes <paramref name="password"/> into <paramref name="profile"/> (a new, untracked profile or the
    /// user's tracked one) and saves, or returns the PasswordPolicyViolation listing every broken rule. The
    /// caller owns the transaction.
    /// </summary>
    public async Task<Result> SetAsync(
        LoginProfile profile,
        bool isNew,
        string userName,
        string password,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var policy = await db.PasswordPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var violations = PasswordValidator.Check(password, userName, policy).ToList();
        if (!isNew && policy?.PasswordReusePrevention is { } remembered
            && await IsReusedAsync(profile, password, remembered, cancellationToken))
        {
            violations.Add(new("passwordReusePrevention", string.Create(CultureInfo.InvariantCulture,
                $"Do not reuse any of your last {remembered} passwords.")));
        }

        if (violations.Count > 0)
        {
            return PasswordValidator.ToError(violations);
        }

        var now = time.GetStoreTime();
        if (isNew)
        {
            db.LoginProfiles.Add(profile);
        }
        else
        {
            db.PasswordHistory.Add(new PasswordHistoryEntry(profile.UserId, profile.PasswordHash, now));
        }

        profile.PasswordHash = hasher.HashPassword(profile, password);
        profile.PasswordLastChanged = now;
        await db.SaveChangesAsync(cancellationToken);
        if (!isNew)
        {
            await TrimHistoryAsync(profile.UserId, cancellationToken);
            // A new password ends every session the old one opened (and the role sessions they started).
            await sessions.RevokePrincipalAsync(profile.UserId, cancellationToken);
        }

        return Result.Success;
    }

    /// <summary>
    /// Whether the password is the current one or one of the last <paramref name="remembered"/> minus one
    /// retired ones: "the last N passwords" counts the current password as the first.
    /// </summary>
    private async Task<bool> IsReusedAsync(
        LoginProfile profile,
        string password,
        int remembered,
        CancellationToken cancellationToken)
    {
        var retired = await db.PasswordHistory.AsNoTracking()
            .Where(e => e.PrincipalId == profile.UserId)
            .OrderByDescending(e => e.RetiredAt).ThenByDescending(e => e.Id)
            .Take(remembered - 1)
            .Select(e => e.PasswordHash)
            .ToListAsync(cancellationToken);
        // Every hash is checked even after a match, so the time taken does not tell which one matched.
        var reused = false;
        foreach (var hash in retired.Prepend(profile.PasswordHash))
        {
            reused |= hasher.VerifyHashedPassword(profile, hash, password) != PasswordVerificationResult.Failed;
        }

        return reused;
    }

    private async Task TrimHistoryAsync(string userId, CancellationToken cancellationToken)
    {
        var kept = db.PasswordHistory
            .Where(e => e.PrincipalId == userId)
            .OrderByDescending(e => e.RetiredAt).ThenByDescending(e => e.Id)
            .Take(MaxHistory)
            .Select(e => e.Id);
        await db.PasswordHistory
            .Where(e => e.PrincipalId == userId && !kept.Contains(e.Id))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
