using IamService.Api.Common;
using IamService.Api.Tests.Infrastructure;
using Npgsql;

namespace IamService.Api.Tests.Scale;

/// <summary>
/// The identity store's hot lists on a store seeded by bench/scale/seed.sql (a tenth of the users of the
/// benchmark in docs/benchmarks.md): each request runs a fixed number of statements whatever the data (no
/// N+1), and PostgreSQL plans none of them as a sequential scan.
/// </summary>
public sealed class HotListsAtScaleTests : ApiTestBase
{
    private const int Users = 10_000;
    private const int Groups = 2_000;
    private const int Policies = 2_000;

    [Fact]
    public async Task HotLists_OnSeededStore_RunFixedStatementsWithoutSeqScan()
    {
        await GetJsonAsync("/api/v1/users"); // Migrates the store and creates the account.
        await SeedAsync();
        var userInMostGroups = await ScalarAsync(
            """
            SELECT u.name FROM users AS u JOIN group_memberships AS m ON m.user_id = u.id
            GROUP BY u.id, u.name ORDER BY count(*) DESC, u.name LIMIT 1
            """);
        // A group of median size: for the few biggest groups of a store this small, reading every user is
        // cheaper than probing the members one by one, and PostgreSQL rightly scans.
        var typicalGroup = await ScalarAsync(
            """
            WITH sizes AS (SELECT g.name, count(*) AS size FROM groups AS g
                           JOIN group_memberships AS m ON m.group_id = g.id GROUP BY g.id, g.name)
            SELECT name FROM sizes ORDER BY size, name OFFSET (SELECT count(*) / 2 FROM sizes) LIMIT 1
            """);
        var userWithPolicies = await ScalarAsync(
            """
            SELECT u.name FROM users AS u JOIN user_policy_attachments AS a ON a.user_id = u.id
            GROUP BY u.id, u.name ORDER BY count(*) DESC, u.name LIMIT 1
            """);
        var middleName = await ScalarAsync(
            "SELECT normalized_name FROM users ORDER BY normalized_name OFFSET (SELECT count(*) / 2 FROM users) " +
            "LIMIT 1");
        var middle = PageMarker.Encode(middleName);

        // Each list, and the statements it needs: the holder by name, then one page.
        (string Uri, int Statements)[] lists =
        [
            ("/api/v1/users?maxItems=100", 1),
            ($"/api/v1/users?maxItems=100&marker={middle}", 1),
            ("/api/v1/users?pathPrefix=/engineering/&maxItems=100", 1),
            ("/api/v1/users?pathPrefix=/audit/&maxItems=100", 1),
            ($"/api/v1/users/{userInMostGroups}/groups", 2),
            ($"/api/v1/groups/{typicalGroup}/users?maxItems=100", 2),
            ($"/api/v1/users/{userWithPolicies}/attached-policies", 2),
        ];

        var database = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database!;
        using var recorder = new CommandRecorder(database);
        foreach (var (uri, statements) in lists)
        {
            await GetJsonAsync(uri);
            var commands = recorder.Take();

            Assert.True(commands.Count == statements, $"{uri} ran {commands.Count} statements, not {statements}.");
            foreach (var command in commands)
            {
                var plan = await ExplainAsync(command);
                Assert.False(plan.Contains("\"Seq Scan\"", StringComparison.Ordinal), $"{uri}: {command.Sql}\n{plan}");
            }
        }
    }

    private async Task SeedAsync()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "bench", "scale", "seed.sql"));
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        var sizes = $"SET iam_seed.users = '{Users}'; SET iam_seed.groups = '{Groups}'; " +
            $"SET iam_seed.policies = '{Policies}';";
        await using var command = new NpgsqlCommand(sizes + script, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The plan PostgreSQL chooses for the command with its parameters, as JSON.</summary>
    private async Task<string> ExplainAsync(RecordedCommand recorded)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + recorded.Sql, connection);
        foreach (var parameter in recorded.Parameters)
        {
            command.Parameters.Add(parameter);
        }

        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IamService.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("IamService.sln not found above the tests.");
    }
}
