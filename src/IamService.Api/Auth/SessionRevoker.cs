using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Auth;

/// <summary>Ends sessions, so that their tokens stop working at once even though they have not expired.</summary>
public sealed class SessionRevoker(IamDbContext db, TimeProvider time)
{
    public Task<int> RevokeSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        Revoke(db.Sessions.Where(s => s.Id == sessionId), cancellationToken);

    /// <summary>
    /// Every session of a principal and every session opened on its credentials (role sessions it started).
    /// </summary>
    public Task<int> RevokePrincipalAsync(string principalId, CancellationToken cancellationToken) =>
        Revoke(db.Sessions.Where(s => s.PrincipalId == principalId || s.SourcePrincipalId == principalId),
            cancellationToken);

    /// <summary>Every session token obtained with an access key.</summary>
    public Task<int> RevokeAccessKeyAsync(string accessKeyId, CancellationToken cancellationToken) =>
        Revoke(db.Sessions.Where(s => s.SourceAccessKeyId == accessKeyId), cancellationToken);

    private Task<int> Revoke(IQueryable<Data.Credentials.Session> sessions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return sessions.Where(s => s.RevokedAt == null && s.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.RevokedAt, now), cancellationToken);
    }
}
