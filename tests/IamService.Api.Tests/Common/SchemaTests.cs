using IamService.Api.Tests.Infrastructure;
using Npgsql;

namespace IamService.Api.Tests.Common;

public sealed class SchemaTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreatePostgresAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Postgres_NormalizedColumns_UseByteOrderCollation()
    {
        await using (var factory = new IamApiFactory(_database))
        {
            factory.CreateClient().Dispose();
        }

        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT table_name || '.' || column_name || ' ' || coalesce(collation_name, '(default)')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND column_name IN ('normalized_name', 'normalized_key')
            ORDER BY 1
            """, connection);
        var columns = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }

        // Users, groups, roles, policies, three inline-policy tables, four tag tables and MFA devices.
        Assert.Equal(12, columns.Count);
        Assert.All(columns, c => Assert.EndsWith(" C", c, StringComparison.Ordinal));
    }
}
