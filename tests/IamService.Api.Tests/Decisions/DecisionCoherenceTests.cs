using System.Net;
using System.Net.Http.Json;
using IamService.Api.Tests.Infrastructure;
using Npgsql;

namespace IamService.Api.Tests.Decisions;

/// <summary>
/// Decisions come from per-instance caches, yet a change made through one instance reaches every other within
/// the staleness bound, and an instance that cannot reach the store answers 503 rather than from a stale cache.
/// </summary>
public sealed class DecisionCoherenceTests : DecisionTestBase
{
    // Far beyond the one-second bound, so that a slow shared machine does not fail the test; what is proven is
    // that the second instance changes its answer without anything but the shared database telling it to.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_change_made_through_one_instance_is_seen_by_another_on_the_same_database()
    {
        await using var other = new IamApiFactory(Database);
        using var otherRoot = other.CreateClient();
        otherRoot.DefaultRequestHeaders.Authorization = Root.DefaultRequestHeaders.Authorization;
        var user = Unique("twin");
        await CreateUserAsync(user);
        var policy = Unique("twin-get");
        await CreatePolicyAsync(policy, document: Allow("s3:GetObject"));
        Assert.Equal("implicitDeny", await DecisionOnAsync(otherRoot, user));
        // Once the other instance answers from its cache without a query, only a notification can change its mind.
        await UntilAsync(async () =>
        {
            other.SqlCommands.Reset();
            return await DecisionOnAsync(otherRoot, user) == "implicitDeny" && other.SqlCommands.Count == 0;
        });

        await AttachAsync($"users/{user}", policy);
        await UntilAsync(async () => await DecisionOnAsync(otherRoot, user) == "allowed");

        var detached = await Client.DeleteAsync($"/api/v1/users/{user}/attached-policies/{policy}");
        Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);
        await UntilAsync(async () => await DecisionOnAsync(otherRoot, user) == "implicitDeny");
    }

    [Fact]
    public async Task An_instance_that_cannot_reach_the_store_answers_503_and_recovers_when_it_is_back()
    {
        var user = Unique("cut-off");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        Assert.Equal("allowed", await DecisionOnAsync(Root, user));

        await SetConnectionsAllowedAsync(false);
        try
        {
            await UntilAsync(async () =>
                (await AskOnAsync(Root, user)).StatusCode == HttpStatusCode.ServiceUnavailable);
            var refused = await AskOnAsync(Root, user);
            await ProblemAsync(refused, HttpStatusCode.ServiceUnavailable, "ServiceUnavailable");
            Assert.NotNull(refused.Headers.RetryAfter);
        }
        finally
        {
            await SetConnectionsAllowedAsync(true);
        }

        await UntilAsync(async () => (await AskOnAsync(Root, user)).StatusCode == HttpStatusCode.OK);
        Assert.Equal("allowed", await DecisionOnAsync(Root, user));
    }

    private Task<HttpResponseMessage> AskOnAsync(HttpClient client, string user) =>
        client.PostAsJsonAsync("/api/v1/authorize",
            new { principalArn = UserArn(user), action = "s3:GetObject", resource = "arn:aws:s3:::b/k" });

    private async Task<string?> DecisionOnAsync(HttpClient client, string user) =>
        (await OkAsync(await AskOnAsync(client, user))).GetProperty("decision").GetString();

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (!await condition())
        {
            Assert.False(deadline.IsCancellationRequested, $"Not seen within {Patience.TotalSeconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None);
        }
    }

    /// <summary>Closes or reopens the test database to every connection, cutting the ones already open.</summary>
    private async Task SetConnectionsAllowedAsync(bool allowed)
    {
        var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
        var name = new NpgsqlConnectionStringBuilder(Database.ConnectionString).Database;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var sql = $"ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")};" + (allowed ? "" :
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity " +
            $"WHERE datname = '{name}' AND pid <> pg_backend_pid();");
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
