using IamService.Api.AccessKeys;
using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Data;
using IamService.Data.Credentials;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Sts;

/// <summary>Exchanges an access key (and optionally an MFA code) for a session token (STS GetSessionToken).</summary>
public sealed partial class SessionTokenService(
    IamDbContext db,
    AccessTokenIssuer issuer,
    StsMfa mfa,
    AccountIdProvider accounts,
    TimeProvider time,
    ILogger<SessionTokenService> logger)
{
    /// <summary>STS's range for GetSessionToken: 15 minutes to 36 hours, 12 hours when omitted.</summary>
    public const int MaxDurationSeconds = 129_600;
    public const int DefaultDurationSeconds = 43_200;

    /// <summary>The service name recorded as the key's last use.</summary>
    // Limitation: keys sign no requests (no SigV4), so their only use, and last-used service, is sts; no region.
    public const string ServiceName = "sts";

    /// <summary>
    /// One answer for an unknown key, a wrong secret and an inactive key, so that the endpoint cannot be used to
    /// learn which key ids exist or are active.
    /// </summary>
    public static IamError InvalidKey { get; } = new(
        Errors.IamErrorCode.NotAuthenticated, StatusCodes.Status401Unauthorized,
        "The access key id or secret access key is not valid, or the key is inactive.");

    public async Task<Result<SessionTokenResponse>> IssueAsync(
        SessionTokenRequest request,
        string? sourceIp,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var invalid = StsMfa.CheckPair(request.SerialNumber, request.TokenCode);
        if (invalid is not null)
        {
            return invalid;
        }

        var requested = StsDuration.Read(request.DurationSeconds, DefaultDurationSeconds, MaxDurationSeconds);
        if (!requested.IsSuccess)
        {
            return requested.Error;
        }

        var accountId = await accounts.GetAsync(cancellationToken);
        var found = AccessKeySecrets.IsWellFormedId(request.AccessKeyId)
            ? await db.AccessKeys.AsNoTracking()
                .Where(k => k.AccessKeyId == request.AccessKeyId)
                .Join(db.Users, k => k.UserId, u => u.Id, (k, u) => new { Key = k, User = u })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        // The secret is checked before the key's state, and against a decoy when the key is unknown.
        if (!AccessKeySecrets.Verify(found?.Key.SecretHash, request.SecretAccessKey) || found is null
            || !found.Key.IsActive)
        {
            var shown = AccessKeySecrets.IsWellFormedId(request.AccessKeyId) ? request.AccessKeyId : "(malformed)";
            Log.Refused(logger, shown);
            return InvalidKey;
        }

        var (key, user) = (found.Key, found.User);
        var now = time.GetStoreTime();
        if (request.SerialNumber is { } serial
            && !await mfa.VerifyAsync(user.Id, accountId, serial, request.TokenCode!, cancellationToken))
        {
            return StsMfa.Failed;
        }

        await db.AccessKeys.Where(k => k.AccessKeyId == key.AccessKeyId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(k => k.LastUsedDate, now).SetProperty(k => k.LastUsedService, ServiceName),
                cancellationToken);

        // Limitation: sessions end after 12 hours (TokenOptions.MaxTokenLifetime) like every token here, not STS's 36.
        var lifetime = TimeSpan.FromTicks(Math.Min(requested.Value.Ticks, TokenOptions.MaxTokenLifetime.Ticks));
        var mfaUsed = request.SerialNumber is not null;
        var userArn = IamArn.Format(accountId, EntityKind.User, user.Path, user.Name);
        var token = await issuer.IssueAsync(
            new SessionRequest(SessionKind.SessionToken, user.Id, userArn, user.Id)
            {
                AuthTime = now,
                MfaAuthTime = mfaUsed ? now : null,
                Lifetime = lifetime,
                Method = "key",
                SourcePrincipalId = user.Id,
                SourceAccessKeyId = key.AccessKeyId,
                SourceIp = sourceIp,
            },
            cancellationToken);

        Log.Issued(logger, key.AccessKeyId, user.Name, mfaUsed, token.ExpiresAt);
        return SessionTokenResponse.For(token, key.AccessKeyId, mfaUsed);
    }

    private static partial class Log
    {
        [LoggerMessage(6200, LogLevel.Information,
            "Issued a session token for access key {AccessKeyId} of user {UserName}; MFA: {Mfa}; expires {ExpiresAt}")]
        public static partial void Issued(
            ILogger logger,
            string accessKeyId,
            string userName,
            bool mfa,
            DateTimeOffset expiresAt);

        [LoggerMessage(6201, LogLevel.Warning,
            "Refused a session token for access key {AccessKeyId}: unknown, wrong secret or inactive")]
        public static partial void Refused(ILogger logger, string accessKeyId);
    }
}
