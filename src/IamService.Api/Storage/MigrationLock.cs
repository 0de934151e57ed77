using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Storage;

/// <summary>
/// Keeps instances that share a PostgreSQL database from migrating it at the same time. EF Core's own lock
/// is released at the end of each migration's transaction, so with several pending migrations a second
/// instance could start on one the first had not finished (and fail with "relation already exists"). This
/// session-level advisory lock spans the whole check-and-migrate. SQLite needs none: it is one instance's file.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    // Any fixed number works: advisory locks are named by a bigint that only this service uses.
    private const long LockKey = 0x49414D5F4D494752; // "IAM_MIGR"

    private readonly IamDbContext? _db;

    private MigrationLock(IamDbContext? db) => _db = db;

    public static async Task<MigrationLock> AcquireAsync(IamDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new MigrationLock(null);
        }

        // The connection stays open until the lock is released, so that the lock and the migration share a session.
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        return new MigrationLock(db);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        await _db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})");
        await _db.Database.CloseConnectionAsync();
    }
}
