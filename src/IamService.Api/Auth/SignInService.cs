using IamService.Api.Common;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Policy = IamService.Data.Credentials.PasswordPolicy;

namespace IamService.Api.Auth;

/// <summary>
/// The sign-in flow: password, lockout, the MFA step when the principal has an enabled device, then a token,
/// or a token that can only change the password when it has expired or must be reset.
/// </summary>
public sealed partial class SignInService(
    IamDbContext db,
    PasswordSignIn passwords,
    SignInLockout lockout,
    SignInChallenges challenges,
    Mfa.TotpVerifier totp,
    AccessTokenIssuer issuer,
    IOptions<SignInOptions> options,
    TimeProvider time,
    ILogger<SignInService> logger)
{
    public static IamError InvalidCode { get; } = new(
        IamErrorCode.InvalidAuthenticationCode, StatusCodes.Status401Unauthorized,
        "The MFA code is not valid, or the sign-in has expired: sign in again if the code keeps failing.");

    public async Task<Result<LoginResponse>> LoginAsync(
        LoginRequest request,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // The password is checked before the lockout so that a locked name costs the same hashing time.
        var check = await passwords.CheckAsync(request.UserName, request.Password, cancellationToken);
        if (await lockout.LockedUntilAsync(check.PrincipalId, request.UserName, cancellationToken) is { } until)
        {
            await RecordAsync(request.UserName, check.PrincipalId, SignInStep.Password, SignInFailure.Locked);
            Log.Locked(logger, request.UserName, sourceIp);
            return SignInLockout.LockedError(until);
        }

        if (check.Verified is not { } principal)
        {
            var reason = check.PrincipalId is null ? SignInFailure.UnknownUser : SignInFailure.WrongPassword;
            await RecordAsync(request.UserName, check.PrincipalId, SignInStep.Password, reason);
            Log.PasswordRefused(logger, request.UserName, reason, sourceIp);
            return PasswordSignIn.Failed;
        }

        var policy = await db.PasswordPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (IsExpired(principal.Profile, policy) && policy!.HardExpiry)
        {
            await RecordAsync(
                request.UserName, principal.PrincipalId, SignInStep.Password, SignInFailure.PasswordExpired);
            return new IamError(IamErrorCode.PasswordExpired, StatusCodes.Status403Forbidden,
                "The password has expired and the account's password policy lets only an administrator set a " +
                "new one: ask an administrator to reset it.");
        }

        var hasMfa = await db.MfaDevices.AnyAsync(
            d => d.PrincipalId == principal.PrincipalId && d.EnableDate != null, cancellationToken);
        if (hasMfa)
        {
            // Only the completed sign-in is recorded as a success: a success resets the failure count, and a
            // correct password must not reset the count of wrong codes that guards the MFA step.
            var challenge = await challenges.CreateAsync(principal, cancellationToken);
            return new LoginResponse { MfaRequired = true, MfaChallenge = challenge };
        }

        return await CompleteAsync(
            principal, SignInStep.Password, time.GetStoreTime(), null, policy, sourceIp, cancellationToken);

        Task RecordAsync(string name, string? id, SignInStep step, string? failure) =>
            lockout.RecordAsync(name, id, step, failure, sourceIp, cancellationToken);
    }

    /// <summary>The second step: a code from any of the principal's enabled devices completes the sign-in.</summary>
    public async Task<Result<LoginResponse>> CompleteMfaAsync(
        LoginMfaRequest request,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await challenges.FindOpenAsync(request.MfaChallenge, cancellationToken) is not { } challenge)
        {
            return InvalidCode;
        }

        if (await lockout.LockedUntilAsync(challenge.PrincipalId, challenge.UserName, cancellationToken) is { } until)
        {
            await RecordAsync(SignInFailure.Locked);
            Log.Locked(logger, challenge.UserName, sourceIp);
            return SignInLockout.LockedError(until);
        }

        var devices = await db.MfaDevices.AsNoTracking()
            .Where(d => d.PrincipalId == challenge.PrincipalId && d.EnableDate != null)
            .ToListAsync(cancellationToken);
        var accepted = false;
        foreach (var device in devices)
        {
            accepted = accepted || await totp.VerifyAndConsumeAsync(device, request.Code, cancellationToken);
        }

        if (!accepted || !await challenges.ConsumeAsync(challenge, cancellationToken))
        {
            await RecordAsync(SignInFailure.WrongCode);
            Log.CodeRefused(logger, challenge.UserName, sourceIp);
            return InvalidCode;
        }

        var principal = await ReloadAsync(challenge, cancellationToken);
        if (principal is null)
        {
            // The user or their password was removed between the two steps.
            return InvalidCode;
        }

        var policy = await db.PasswordPolicies.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return await CompleteAsync(
            principal, SignInStep.MfaCode, challenge.PasswordVerifiedAt, time.GetStoreTime(), policy, sourceIp,
            cancellationToken);

        Task RecordAsync(string? failure) => lockout.RecordAsync(
            challenge.UserName, challenge.PrincipalId, SignInStep.MfaCode, failure, sourceIp, cancellationToken);
    }

    private async Task<LoginResponse> CompleteAsync(
        VerifiedPrincipal principal,
        SignInStep step,
        DateTimeOffset authTime,
        DateTimeOffset? mfaTime,
        Policy? policy,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        var now = time.GetStoreTime();
        await lockout.RecordAsync(principal.UserName, principal.PrincipalId, step, null, sourceIp, cancellationToken);
        if (!principal.IsRoot)
        {
            await db.LoginProfiles.Where(p => p.UserId == principal.PrincipalId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.PasswordLastUsed, now), cancellationToken);
        }

        var mustChange = principal.Profile is { } profile
            && (profile.PasswordResetRequired || IsExpired(profile, policy));
        var token = await issuer.IssueAsync(
            new SessionRequest(
                mustChange ? SessionKind.PasswordChange : SessionKind.SignIn,
                principal.PrincipalId,
                principal.PrincipalArn,
                principal.PrincipalId)
            {
                AuthTime = authTime,
                MfaAuthTime = mfaTime,
                Method = "pwd",
                SourceIp = sourceIp,
                Lifetime = mustChange ? options.Value.PasswordChangeTokenLifetime : null,
            },
            cancellationToken);
        Log.SignedIn(logger, principal.UserName, principal.PrincipalId, mfaTime is not null, mustChange, sourceIp);

        return LoginResponse.For(token) with
        {
            PasswordChangeRequired = mustChange ? true : null,
            Warnings = await WarningsAsync(principal, mfaTime is not null, cancellationToken),
        };
    }

    /// <summary>Root without MFA is warned at every sign-in (IAM best practice: protect root with MFA).</summary>
    private async Task<IReadOnlyList<string>?> WarningsAsync(
        VerifiedPrincipal principal,
        bool usedMfa,
        CancellationToken cancellationToken)
    {
        if (usedMfa)
        {
            return null;
        }

        if (principal.IsRoot)
        {
            Log.RootWithoutMfa(logger);
            return ["Root has no MFA device: enrol one for root, create an administrator, and stop using root."];
        }

        var requireMfa = await db.Accounts.AsNoTracking().Select(a => a.RequireMfa).SingleAsync(cancellationToken);
        return requireMfa
            ? ["The account requires MFA: until you enrol a device you can only enrol one and change your password."]
            : null;
    }

    private async Task<VerifiedPrincipal?> ReloadAsync(SignInChallenge challenge, CancellationToken cancellationToken)
    {
        var accountId = await db.Accounts.AsNoTracking().Select(a => a.AccountId).SingleAsync(cancellationToken);
        if (challenge.PrincipalId == accountId)
        {
            return new VerifiedPrincipal(
                accountId, $"arn:aws:iam::{accountId}:root", PasswordSignIn.RootUserName, IsRoot: true);
        }

        var found = await db.Users.AsNoTracking()
            .Where(u => u.Id == challenge.PrincipalId)
            .Join(db.LoginProfiles, u => u.Id, p => p.UserId, (u, p) => new { User = u, Profile = p })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new VerifiedPrincipal(
                found.User.Id,
                IamArn.Format(accountId, EntityKind.User, found.User.Path, found.User.Name),
                found.User.Name,
                IsRoot: false,
                found.Profile);
    }

    /// <summary>IAM's maxPasswordAge: a password expires that many days after it was last changed.</summary>
    private bool IsExpired(LoginProfile? profile, Policy? policy) =>
        profile is not null && policy?.MaxPasswordAge is { } days
        && profile.PasswordLastChanged.AddDays(days) <= time.GetUtcNow();

    private static partial class Log
    {
        [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
            Message = "Signed in {UserName} ({PrincipalId}) with MFA {UsedMfa}, password change required " +
                "{PasswordChangeRequired}, from {SourceIp}")]
        public static partial void SignedIn(
            ILogger logger, string userName, string principalId, bool usedMfa, bool passwordChangeRequired,
            string? sourceIp);

        [LoggerMessage(EventId = 1302, Level = LogLevel.Information,
            Message = "Refused a sign-in as {UserName}: {Reason}, from {SourceIp}")]
        public static partial void PasswordRefused(ILogger logger, string userName, string reason, string? sourceIp);

        [LoggerMessage(EventId = 1303, Level = LogLevel.Information,
            Message = "Refused an MFA code for {UserName} from {SourceIp}")]
        public static partial void CodeRefused(ILogger logger, string userName, string? sourceIp);

        [LoggerMessage(EventId = 1304, Level = LogLevel.Warning,
            Message = "Refused a sign-in as {UserName} from {SourceIp}: the name is locked after too many failures")]
        public static partial void Locked(ILogger logger, string userName, string? sourceIp);

        [LoggerMessage(EventId = 1305, Level = LogLevel.Warning,
            Message = "Root signed in without MFA: enrol an MFA device for root and stop using it")]
        public static partial void RootWithoutMfa(ILogger logger);
    }
}
