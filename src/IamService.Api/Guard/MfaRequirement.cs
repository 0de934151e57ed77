using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Guard;

/// <summary>
/// The account setting requireMfa: a user without an enabled MFA device may do nothing but enrol one (create and
/// enable their own device) and change their password. Sign-in only warns about it; the guard enforces it.
/// </summary>
public sealed class MfaRequirement(IamDbContext db, RequireMfaSetting setting)
{
    public async Task<bool> MustEnrolAsync(DecisionSubject caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        // Limitation: requireMfa applies to users only; a role session is not held to it, as roles have no devices.
        if (caller.Principal.Type != PrincipalType.User)
        {
            return false;
        }

        if (!await setting.GetAsync(db, cancellationToken))
        {
            return false;
        }

        var userId = caller.Principal.Id;
        return !await db.MfaDevices.AsNoTracking()
            .AnyAsync(d => d.PrincipalId == userId && d.EnableDate != null, cancellationToken);
    }

    public static IamError EnrolFirst(string principalArn) => new(
        IamErrorCode.AccessDenied,
        StatusCodes.Status403Forbidden,
        $"User: {principalArn} must enrol an MFA device first: the account requires MFA, and until a device is " +
        "enabled a user may only create and enable their own MFA device (POST /api/v1/users/{userName}/mfa-devices, " +
        "then .../enable) and change their password.");
}
