using IamService.Api.Storage;
using IamService.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IamService.Api.Tests.Infrastructure;

/// <summary>
/// A database that exists for one test: a fresh PostgreSQL database on the server named by
/// <c>IAM_TEST_POSTGRES</c> (scripts/test.sh starts one), or a fresh SQLite file.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "IAM_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync);

    private readonly string? _adminConnectionString;
    private readonly string? _sqliteDirectory;
    private readonly string _name;

    private TestDatabase(StorageProvider provider, string connectionString, string name, string? admin, string? dir)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _name = name;
        _adminConnectionString = admin;
        _sqliteDirectory = dir;
    }

    public StorageProvider Provider { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync(StorageProvider provider) =>
        provider == StorageProvider.Postgres ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    /// <summary>An empty PostgreSQL database: the service migrates it when it starts.</summary>
    public static Task<TestDatabase> CreatePostgresAsync() => CreatePostgresAsync(template: null);

    /// <summary>
    /// A PostgreSQL database that already has the current schema and no data, copied from a template this test
    /// process migrates once (a copy takes a fraction of the time of migrating every database).
    /// </summary>
    public static async Task<TestDatabase> CreateMigratedPostgresAsync() =>
        await CreatePostgresAsync(await MigratedTemplate.Value);

    private static async Task<TestDatabase> CreatePostgresAsync(string? template)
    {
        var admin = AdminConnectionString();
        var name = $"iam_test_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(StorageProvider.Postgres, builder.ConnectionString, name, admin, null);
    }

    /// <summary>Creates and migrates the template with the service's own storage set-up, and drops it when the
    /// test process ends. No connection to it stays open, since PostgreSQL copies only an unused database.</summary>
    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var admin = AdminConnectionString();
        var name = $"iam_template_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropLeftover(admin, name);

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false };
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{StorageOptions.SectionName}:{nameof(StorageOptions.Provider)}"] = nameof(StorageProvider.Postgres),
                [$"ConnectionStrings:{StorageServiceCollectionExtensions.ConnectionStringName}"] =
                    connectionString.ConnectionString,
            })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        await using var provider = services.AddIamStorage(configuration).BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IamDbContext>().Database.MigrateAsync();
        return name;
    }

    /// <summary>Drops the template at exit; a server that is already gone keeps it, at the cost of its space.</summary>
    private static void DropLeftover(string admin, string name)
    {
        try
        {
            ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
        }
        catch (NpgsqlException)
        {
            // The server stopped first (a run that was cut short); the next run uses a template of its own.
        }
    }

    private static string AdminConnectionString()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        return string.IsNullOrWhiteSpace(admin)
            ? throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run ./scripts/test.sh, which starts a throwaway PostgreSQL, or set " +
                $"{PostgresVariable} to a connection string of a user allowed to create databases.")
            : admin;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static TestDatabase CreateSqlite()
    {
        var directory = Directory.CreateTempSubdirectory("iam-test-").FullName;
        var path = Path.Combine(directory, "iam.db");
        return new TestDatabase(StorageProvider.Sqlite, $"Data Source={path}", path, null, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}
