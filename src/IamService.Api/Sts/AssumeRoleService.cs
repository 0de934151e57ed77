using IamService.Api.Auth;
using IamService.Api.Common;
using IamService.Api.Decisions;
using IamService.Api.Errors;
using IamService.Data;
using IamService.Data.Common;
using IamService.Data.Credentials;
using IamService.Data.Roles;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Sts;

/// <summary>
/// Opens role sessions for signed-in callers (STS AssumeRole). Two policies must agree: the caller's own
/// (identity policies, boundary and, for a role session, its session policy) must allow sts:AssumeRole on the
/// role, and the role's trust policy must allow the caller. The caller's side is decided first, so a caller
/// without permission learns nothing about which roles exist.
/// </summary>
public sealed partial class AssumeRoleService(
    IamDbContext db,
    AccessTokenIssuer issuer,
    StsMfa mfa,
    AccountIdProvider accounts,
    TimeProvider time,
    ILogger<AssumeRoleService> logger)
{
    public const string Action = "sts:AssumeRole";
    public const int DefaultDurationSeconds = 3600;

    /// <summary>STS: a session started from a role session ("role chaining") lasts at most one hour.</summary>
    public const int MaxChainedDurationSeconds = 3600;

    /// <summary>STS's limit on an inline session policy's plain text.</summary>
    public const int MaxSessionPolicyCharacters = 2048;

    public const int MinRoleSessionNameLength = 2;

    /// <summary>
    /// Opens a role session for <paramref name="caller"/>, whose token the guard verified and whose principal
    /// and policies it found (<paramref name="subject"/>).
    /// </summary>
    public async Task<Result<AssumeRoleResponse>> AssumeAsync(
        CallerIdentity caller,
        DecisionSubject subject,
        string method,
        AssumeRoleRequest request,
        CallOrigin origin,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(origin);
        var accountId = await accounts.GetAsync(cancellationToken);
        var sessionPolicy = ReadRequest(request, accountId, out var roleArn);
        if (!sessionPolicy.IsSuccess)
        {
            return sessionPolicy.Error;
        }

        if (caller.Kind == SessionKind.PasswordChange)
        {
            return Denied(caller.PrincipalArn, request.RoleArn, "because this session may only change its password");
        }

        var source = await db.Sessions.AsNoTracking()
            .Where(s => s.Id == caller.SessionId)
            .Select(s => new { s.SessionPolicy, s.SourcePrincipalId, s.SourceAccessKeyId })
            .SingleAsync(cancellationToken);
        var now = time.GetStoreTime();
        var mfaTime = caller.MfaAuthTime;
        if (request.SerialNumber is { } serial)
        {
            if (caller.Kind == SessionKind.AssumedRole
                || !await mfa.VerifyAsync(caller.PrincipalId, accountId, serial, request.TokenCode!, cancellationToken))
            {
                return StsMfa.Failed;
            }

            mfaTime = now;
        }

        // Root's policies are null: it is allowed everything. A role session's own session policy limits it.
        var principal = subject.Principal;
        var callerPolicies = subject.Policies?.With(subject.SessionPolicies, resourcePolicy: null);
        var context = BuildContext(principal, caller, request.RoleSessionName, mfaTime, now, origin);
        if (callerPolicies is not null)
        {
            var asked = new AccessRequest(principal, Action, request.RoleArn, context);
            var own = PolicyEvaluator.Evaluate(asked, callerPolicies);
            if (!own.IsAllowed)
            {
                Log.RefusedByCallerPolicy(logger, principal.Arn, request.RoleArn, own.Reason);
                return Denied(principal.Arn, request.RoleArn, Because(own.Reason));
            }
        }

        var (roleName, rolePath) = (IamEntity.NormalizeName(roleArn.Name), roleArn.Path);
        var role = await db.Roles.AsNoTracking()
            .SingleOrDefaultAsync(r => r.NormalizedName == roleName && r.Path == rolePath, cancellationToken);
        if (role is null || !string.Equals(roleArn.AccountId, accountId, StringComparison.Ordinal))
        {
            return IamError.NoSuchEntity($"The role {request.RoleArn} does not exist.");
        }

        var maxSeconds = caller.Kind == SessionKind.AssumedRole ? MaxChainedDurationSeconds : role.MaxSessionDuration;
        var defaultSeconds = Math.Min(DefaultDurationSeconds, maxSeconds);
        var lifetime = StsDuration.Read(request.DurationSeconds, defaultSeconds, maxSeconds);
        if (!lifetime.IsSuccess)
        {
            return lifetime.Error;
        }

        var trust = EvaluateTrust(role, accountId, new AccessRequest(principal, Action, request.RoleArn, context));
        if (trust is { } refusal)
        {
            Log.RefusedByTrustPolicy(logger, principal.Arn, request.RoleArn);
            return Denied(principal.Arn, request.RoleArn, refusal);
        }

        var sessionArn = $"arn:aws:sts::{accountId}:assumed-role/{role.Name}/{request.RoleSessionName}";
        var assumedRoleId = $"{role.Id}:{request.RoleSessionName}";
        var token = await issuer.IssueAsync(
            new SessionRequest(SessionKind.AssumedRole, role.Id, sessionArn, assumedRoleId)
            {
                AuthTime = caller.AuthTime,
                MfaAuthTime = mfaTime,
                // A role allows at most 12 hours, which is also TokenOptions.MaxTokenLifetime.
                Lifetime = TimeSpan.FromTicks(Math.Min(lifetime.Value.Ticks, TokenOptions.MaxTokenLifetime.Ticks)),
                Method = method,
                // Revoking the user (or key) behind a chain of role sessions ends every session in the chain.
                SourcePrincipalId = source.SourcePrincipalId ?? caller.PrincipalId,
                SourceAccessKeyId = source.SourceAccessKeyId,
                RoleSessionName = request.RoleSessionName,
                SessionPolicy = sessionPolicy.Value,
                SourceIp = origin.SourceIp?.ToString(),
            },
            cancellationToken);

        Log.Assumed(logger, principal.Arn, sessionArn, token.ExpiresAt);
        return AssumeRoleResponse.For(token, new AssumedRoleUser(sessionArn, assumedRoleId));
    }

    /// <summary>Checks the request's shape; on success, the session policy's text (null when none was given).</summary>
    private static Result<string?> ReadRequest(AssumeRoleRequest request, string accountId, out IamArn roleArn)
    {
        if (!IamArn.TryParse(request.RoleArn, out roleArn) || roleArn.Kind != EntityKind.Role)
        {
            return IamError.Validation(
                $"Value '{request.RoleArn}' at 'roleArn' failed to satisfy constraint: Member must be a role ARN "
                + $"such as arn:aws:iam::{accountId}:role/NAME");
        }

        var invalid = InputRules.CheckName(request.RoleSessionName, "roleSessionName", Session.MaxRoleSessionNameLength)
            ?? (request.RoleSessionName.Length < MinRoleSessionNameLength
                ? IamError.Validation(
                    $"Value '{request.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member "
                    + "must have length greater than or equal to 2")
                : null)
            ?? StsMfa.CheckPair(request.SerialNumber, request.TokenCode);
        if (invalid is not null)
        {
            return invalid;
        }

        // Limitation: only an inline session policy; no PolicyArns, ExternalId, SourceIdentity or session tags.
        if (request.Policy is not { } element)
        {
            return (string?)null;
        }

        if (PolicyDocuments.ReadText(element) is not { } text)
        {
            return IamError.InvalidInput("policy must be a JSON object or a string holding one.");
        }

        var parsed = PolicyDocuments.Parse(text, PolicyType.Session, MaxSessionPolicyCharacters);
        if (!parsed.Succeeded)
        {
            return PolicyDocuments.Malformed([.. PolicyDocuments.Describe(parsed.Errors, "policy")]);
        }

        return text;
    }

    /// <summary>
    /// Null when the trust policy allows the caller: an Allow statement matches and no Deny does. Whether the
    /// Allow names the caller, its account or everyone, the caller's own policies were checked separately.
    /// </summary>
    private static string? EvaluateTrust(Role role, string accountId, AccessRequest request)
    {
        var trust = CompileStored(role.AssumeRolePolicyDocument, PolicyType.Trust, "trust");
        var result = PolicyEvaluator.Evaluate(request, new PolicySet([], resourcePolicy: new(trust, accountId)));
        var allows = result.Decision != PolicyDecision.ExplicitDeny && result.Reason != DenialReason.EvaluationError
            && result.MatchedStatements.Any(m => m.Slot == PolicySlot.Resource && m.Effect == PolicyEffect.Allow);
        return allows ? null
            : result.Decision == PolicyDecision.ExplicitDeny ? "with an explicit deny in the role's trust policy"
            : "because the role's trust policy does not allow the caller";
    }

    /// <summary>The keys IAM sets for AssumeRole (IAM: "AWS global condition context keys").</summary>
    private static RequestContext BuildContext(
        RequestPrincipal principal,
        CallerIdentity caller,
        string roleSessionName,
        DateTimeOffset? mfaTime,
        DateTimeOffset now,
        CallOrigin origin)
    {
        var context = new RequestContextBuilder()
            .AddPrincipalKeys(principal)
            .AddBoolean("aws:MultiFactorAuthPresent", mfaTime is not null)
            .AddDate("aws:CurrentTime", now)
            .AddNumber("aws:EpochTime", now.ToUnixTimeSeconds())
            .AddDate("aws:TokenIssueTime", caller.IssuedAt)
            .AddBoolean("aws:SecureTransport", origin.SecureTransport)
            .Add("sts:RoleSessionName", roleSessionName);
        if (mfaTime is { } verified)
        {
            context.AddNumber("aws:MultiFactorAuthAge", Math.Max(0, (now - verified).TotalSeconds));
        }

        if (origin.SourceIp is { } ip)
        {
            context.AddIpAddress("aws:SourceIp", ip);
        }

        return context.Build();
    }

    /// <summary>A document that was validated before it was stored; one that no longer parses is a bug.</summary>
    private static CompiledPolicy CompileStored(string text, PolicyType type, string id)
    {
        var parsed = PolicyDocuments.Parse(text, type);
        var kind = type == PolicyType.Trust ? PolicySourceKind.TrustPolicy : PolicySourceKind.SessionPolicy;
        return parsed.Succeeded
            ? CompiledPolicy.Compile(parsed.Document, new PolicySource(id, kind))
            : throw new InvalidOperationException($"A stored {id} policy does not parse: {parsed.Errors[0].Message}");
    }

    /// <summary>IAM's AccessDenied wording: caller, action, resource and the kind of reason; no policy text.</summary>
    private static IamError Denied(string callerArn, string roleArn, string because) => new(
        IamErrorCode.AccessDenied, StatusCodes.Status403Forbidden,
        $"User: {callerArn} is not authorized to perform: {Action} on resource: {roleArn} {because}.");

    private static string Because(DenialReason reason) => reason switch
    {
        DenialReason.ExplicitDenyInIdentityPolicy => "with an explicit deny in an identity-based policy",
        DenialReason.ExplicitDenyInPermissionsBoundary => "with an explicit deny in a permissions boundary",
        DenialReason.ExplicitDenyInSessionPolicy => "with an explicit deny in a session policy",
        DenialReason.PermissionsBoundaryDoesNotAllow => $"because no permissions boundary allows the {Action} action",
        DenialReason.SessionPolicyDoesNotAllow => $"because no session policy allows the {Action} action",
        DenialReason.EvaluationError => "because a condition of a matching statement could not be evaluated",
        _ => $"because no identity-based policy allows the {Action} action",
    };

    private static partial class Log
    {
        [LoggerMessage(6210, LogLevel.Information, "{CallerArn} assumed a role as {SessionArn}, until {ExpiresAt}")]
        public static partial void Assumed(
            ILogger logger,
            string callerArn,
            string sessionArn,
            DateTimeOffset expiresAt);

        [LoggerMessage(6211, LogLevel.Information,
            "{CallerArn} may not assume {RoleArn}: its own policies do not allow it ({Reason})")]
        public static partial void RefusedByCallerPolicy(
            ILogger logger,
            string callerArn,
            string roleArn,
            DenialReason reason);

        [LoggerMessage(6212, LogLevel.Information,
            "{CallerArn} may not assume {RoleArn}: the trust policy does not allow it")]
        public static partial void RefusedByTrustPolicy(ILogger logger, string callerArn, string roleArn);
    }
}
