using IamService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace IamService.Api.Storage;

internal static class StorageServiceCollectionExtensions
{
    public const string ConnectionStringName = "Iam";

    private const string PostgresMigrationsAssembly = "IamService.Migrations.Postgres";
    private const string SqliteMigrationsAssembly = "IamService.Migrations.Sqlite";

    public static IServiceCollection AddIamStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.SectionName));
        services.AddDbContextPool<IamDbContext>((provider, builder) =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var connectionString =
                provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
            switch (options.Provider)
            {
                case StorageProvider.Postgres:
                    if (string.IsNullOrWhiteSpace(connectionString))
                    {
                        throw new InvalidOperationException(
                            "Storage:Provider is Postgres but ConnectionStrings:Iam is empty. Set the " +
                            "ConnectionStrings__Iam environment variable to an Npgsql connection string.");
                    }

                    builder.UseNpgsql(
                        connectionString,
                        npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly));
                    break;
                case StorageProvider.Sqlite:
                    var environment = provider.GetRequiredService<IHostEnvironment>();
                    builder.UseSqlite(
                        string.IsNullOrWhiteSpace(connectionString)
                            ? DefaultSqliteConnectionString(options, environment)
                            : connectionString,
                        sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                    // SQLite rebuilds a table to change a column, turning foreign keys off around the rebuild
                    // with a PRAGMA that cannot run in a transaction; EF warns of it on every first start. The
                    // rebuild itself is transactional, and this store is for one developer's machine.
                    builder.ConfigureWarnings(warnings =>
                        warnings.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                    break;
                default:
                    throw new InvalidOperationException(
                        $"Storage:Provider '{options.Provider}' is not supported; use Sqlite or Postgres.");
            }

            builder.UseSnakeCaseNamingConvention();
            builder.AddInterceptors(provider.GetServices<IInterceptor>());
        });

        return services;
    }

    private static string DefaultSqliteConnectionString(StorageOptions options, IHostEnvironment environment)
    {
        var directory = Path.GetFullPath(options.SqliteDirectory, environment.ContentRootPath);
        Directory.CreateDirectory(directory);
        return $"Data Source={Path.Combine(directory, "iam.db")}";
    }
}
