using IamService.Api.PolicyCache;
using IamService.Data;
using IamService.Data.Credentials;
using IamService.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Decisions;

/// <summary>What decisions need to know about a session, read once and cached until the session ends.</summary>
public sealed record SessionFacts(
    string Id,
    SessionKind Kind,
    string PrincipalId,
    string PrincipalArn,
    string? RoleSessionName,
    CompiledPolicy? SessionPolicy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? MfaAuthTime,
    DateTimeOffset ExpiresAt,
    bool Revoked)
{
    public bool IsLive(DateTimeOffset now) => !Revoked && ExpiresAt > now;
}

/// <summary>
/// Sessions by id, through the effective policy cache: a revocation or sign-out announces the session, which
/// drops it, so a token is honoured no longer than the cache's staleness bound after its session ended.
/// </summary>
public sealed class SessionDirectory(IamDbContext db, EffectivePolicyCache cache)
{
    public ValueTask<SessionFacts?> FindAsync(string sessionId, CancellationToken cancellationToken) =>
        cache.GetOrLoadAsync(PolicyChange.Session(sessionId), ct => LoadAsync(sessionId, ct), cancellationToken);

    private async Task<Loaded<SessionFacts?>> LoadAsync(string sessionId, CancellationToken cancellationToken)
    {
        var key = PolicyChange.Session(sessionId);
        var session = await db.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return new Loaded<SessionFacts?>(null, [key]);
        }

        CompiledPolicy? policy = null;
        if (session.SessionPolicy is { } document
            && PolicyParser.Parse(document, new PolicyParseOptions(PolicyType.Session)).Document is { } parsed)
        {
            policy = CompiledPolicy.Compile(parsed, new PolicySource("SessionPolicy", PolicySourceKind.SessionPolicy)
            {
                PolicyName = "SessionPolicy",
                OwnerName = session.RoleSessionName,
            });
        }

        var facts = new SessionFacts(
            session.Id, session.Kind, session.PrincipalId, session.PrincipalArn, session.RoleSessionName, policy,
            session.CreatedAt, session.MfaAuthTime, session.ExpiresAt, session.RevokedAt is not null);
        return new Loaded<SessionFacts?>(facts, [key]);
    }
}
