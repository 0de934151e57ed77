using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq.Expressions;
using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Auth;

/// <summary>
/// Records every sign-in attempt and locks a user name after too many failures in a row. Names that belong to
/// nobody are counted and locked the same way, so a lockout does not tell an attacker that a name exists.
/// </summary>
public sealed class SignInLockout(IamDbContext db, IOptions<SignInOptions> options, TimeProvider time)
{
    /// <summary>
    /// When the lockout of this principal (or, for an unknown name, of this name) ends; null when not locked.
    /// Locked means: the last <see cref="SignInOptions.MaxFailedAttempts"/> counted attempts all failed, within
    /// <see cref="SignInOptions.FailureWindow"/>, and the last of them is less than
    /// <see cref="SignInOptions.LockoutDuration"/> ago. A success in between resets the count.
    /// </summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(
        string? principalId,
        string userName,
        CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // Limitation: anyone who knows a user name can keep it locked by failing on purpose, from many addresses.
        var events = principalId is null
            ? db.SignInEvents.Where(UnknownName(userName))
            : db.SignInEvents.Where(e => e.PrincipalId == principalId);
        var recent = await events.AsNoTracking()
            .Where(e => e.Succeeded || SignInFailure.Counted.Contains(e.FailureReason!))
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(settings.MaxFailedAttempts)
            .Select(e => new { e.Succeeded, e.OccurredAt })
            .ToListAsync(cancellationToken);
        if (recent.Count < settings.MaxFailedAttempts || recent.Any(e => e.Succeeded))
        {
            return null;
        }

        var newest = recent[0].OccurredAt;
        var until = newest + settings.LockoutDuration;
        return newest - recent[^1].OccurredAt <= settings.FailureWindow && until > time.GetUtcNow() ? until : null;
    }

    // Limitation: sign-in events are kept forever and no endpoint lists them; read them in the database.
    public async Task RecordAsync(
        string userName,
        string? principalId,
        SignInStep step,
        string? failureReason,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        db.SignInEvents.Add(new SignInEvent
        {
            UserName = Truncate(userName, SignInEvent.MaxUserNameLength),
            PrincipalId = principalId,
            Step = step,
            Succeeded = failureReason is null,
            FailureReason = failureReason,
            SourceIp = sourceIp,
            OccurredAt = time.GetStoreTime(),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The answer while locked: the same whether or not the name belongs to anyone.</summary>
    public static IamError LockedError(DateTimeOffset until) => new(
        IamErrorCode.NotAuthenticated, StatusCodes.Status401Unauthorized,
        string.Create(CultureInfo.InvariantCulture,
            $"Too many failed sign-in attempts: this user name is locked until {until:yyyy-MM-ddTHH:mm:ssZ}."))
    {
        Extensions = new Dictionary<string, object?> { ["lockedUntil"] = until },
    };

    /// <summary>
    /// An unknown name's attempts, regardless of case as user names compare: were "bob" and "BOB" counted apart,
    /// a lockout reached with one and seen with the other would tell whether a user Bob exists.
    /// </summary>
    [SuppressMessage("Performance", "CA1862", Justification = "string.Equals with a comparison has no SQL form.")]
    private static Expression<Func<SignInEvent, bool>> UnknownName(string userName)
    {
        // Limitation: no index serves this case-blind name match; unknown-name attempts are scanned.
        var upper = userName.ToUpperInvariant();
        return e => e.PrincipalId == null && e.UserName.ToUpper() == upper;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
