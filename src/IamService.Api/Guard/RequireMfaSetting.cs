using IamService.Data;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Guard;

/// <summary>
/// The account's requireMfa setting, kept in memory so that the guard does not query it on every request.
/// A change through this instance takes effect at once; one through another instance within the refresh
/// interval.
/// </summary>
public sealed class RequireMfaSetting(TimeProvider time)
{
    /// <summary>How long a read value is trusted before it is read again.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private (bool Value, DateTimeOffset ReadAt)? _known;

    public async ValueTask<bool> GetAsync(IamDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        if (_known is { } known && now - known.ReadAt < RefreshInterval)
        {
            return known.Value;
        }

        // Limitation: another instance's change of requireMfa is seen here only after RefreshInterval.
        var value = await db.Accounts.AsNoTracking().Select(a => a.RequireMfa).SingleAsync(cancellationToken);
        _known = (value, now);
        return value;
    }

    /// <summary>Forgets the value after this instance changed it.</summary>
    public void Invalidate() => _known = null;
}
