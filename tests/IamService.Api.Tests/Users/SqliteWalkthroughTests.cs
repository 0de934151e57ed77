using System.Net;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Users;

/// <summary>The users-and-groups walkthrough once more on SQLite, the default single-instance store.</summary>
public sealed class SqliteWalkthroughTests : ApiTestBase
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.CreateSqlite());

    [Fact]
    public async Task Walkthrough_UsersGroupsPagingRenamesConflictsAndForce()
    {
        var path = UniquePath();
        var bob = await CreateUserAsync("bob", path, new[] { new { key = "Team", value = "x" } });
        await CreateUserAsync("Alice", path);
        await CreateUserAsync("carol", path);
        await CreateUserAsync("_under", path);
        await ProblemAsync(await PostAsync("/api/v1/users", new { userName = "ALICE" }), HttpStatusCode.Conflict, "EntityAlreadyExists");
        await ProblemAsync(await PostRawAsync("/api/v1/users", """{"userName":"x","extra":1}"""), HttpStatusCode.BadRequest, "InvalidInput");

        // Byte order of the upper-cased names, as on PostgreSQL: '_' (0x5F) sorts after the letters.
        var first = await GetJsonAsync($"/api/v1/users?pathPrefix={path}&maxItems=2");
        var second = await GetJsonAsync($"/api/v1/users?pathPrefix={path}&maxItems=2&marker={first.GetProperty("marker").GetString()}");
        Assert.Equal(["Alice", "bob"], Names(first, "users", "userName"));
        Assert.Equal(["carol", "_under"], Names(second, "users", "userName"));
        Assert.Empty((await GetJsonAsync($"/api/v1/users?pathPrefix={path.ToUpperInvariant()}")).GetProperty("users").EnumerateArray());

        await CreateGroupAsync("Admins");
        await AddToGroupAsync("admins", "alice");
        await AddToGroupAsync("Admins", "bob");
        await AddToGroupAsync("Admins", "Alice");
        Assert.Equal(["Alice", "bob"], Names(await GetJsonAsync("/api/v1/groups/Admins"), "users", "userName"));

        var renamed = await OkAsync(await PatchAsync("/api/v1/users/bob", new { newUserName = "robert" }));
        Assert.Equal(bob.GetProperty("userId").GetString(), renamed.GetProperty("userId").GetString());
        Assert.Equal(["Alice", "robert"], Names(await GetJsonAsync("/api/v1/groups/Admins/users"), "users", "userName"));

        await ProblemAsync(await Client.DeleteAsync("/api/v1/users/Alice"), HttpStatusCode.Conflict, "DeleteConflict");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/users/Alice?force=true")).StatusCode);
        Assert.Equal(["robert"], Names(await GetJsonAsync("/api/v1/groups/Admins/users"), "users", "userName"));

        await ProblemAsync(await Client.DeleteAsync("/api/v1/groups/Admins"), HttpStatusCode.Conflict, "DeleteConflict");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/groups/Admins?force=true")).StatusCode);
        Assert.Empty((await GetJsonAsync("/api/v1/users/robert/groups")).GetProperty("groups").EnumerateArray());
        Assert.Equal("x", (await GetJsonAsync("/api/v1/users/robert/tags")).GetProperty("tags")[0].GetProperty("value").GetString());
    }
}
