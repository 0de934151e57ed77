using IamService.Api.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IamService.Api.Tests.Infrastructure;

/// <summary>
/// A database that exists for one test class: a fresh PostgreSQL database on the server named by
/// <c>IAM_TEST_POSTGRES</c> (scripts/test.sh starts one), or a fresh SQLite file.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "IAM_TEST_POSTGRES";

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

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run ./scripts/test.sh, which starts a throwaway PostgreSQL, or set " +
                $"{PostgresVariable} to a connection string of a user allowed to create databases.");
        }

        var name = $"iam_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(StorageProvider.Postgres, builder.ConnectionString, name, admin, null);
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
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            var drop = $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)";
            await using var command = new NpgsqlCommand(drop, connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_sqliteDirectory is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_sqliteDirectory, recursive: true);
        }
    }
}
