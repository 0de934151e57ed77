using IamService.Api.Accounts;
using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IamService.Api.Storage;

internal static partial class StoreInitializer
{
    /// <summary>
    /// Brings the schema up to date (unless turned off) and makes sure the account and its root user exist.
    /// Runs once, before the server accepts requests.
    /// </summary>
    public static async Task InitializeStoreAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var logger = provider.GetRequiredService<ILogger<IamDbContext>>();

        if (options.MigrateOnStartup)
        {
            var db = provider.GetRequiredService<IamDbContext>();
            await using var migrationLock = await MigrationLock.AcquireAsync(db, cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                Log.ApplyingMigrations(logger, pending.Count, options.Provider);
                await db.Database.MigrateAsync(cancellationToken);
            }
        }
        else
        {
            Log.MigrationsSkipped(logger);
        }

        await provider.GetRequiredService<AccountBootstrapper>().EnsureAccountAsync(cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(1000, LogLevel.Information, "Applying {Count} pending migrations to the {Provider} store")]
        public static partial void ApplyingMigrations(ILogger logger, int count, StorageProvider provider);

        [LoggerMessage(1001, LogLevel.Information, "Storage:MigrateOnStartup is off; the schema is assumed current")]
        public static partial void MigrationsSkipped(ILogger logger);
    }
}
