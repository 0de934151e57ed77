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
        await ProblemAsync(await PostAsync("/api/v1/users", new { userName = "ALICE" }), HttpStatusCode.Conflict,
            "EntityAlreadyExists");
        await ProblemAsync(await PostRawAsync("/api/v1/users", """{"userName":"x","extra":1}"""),
            HttpStatusCode.BadRequest, "InvalidInput");

        // Byte order of the upper-cased names, as on PostgreSQL: '_' (0x5F) sorts after the letters.
        var first = await GetJsonAsync($"/api/v1/users?pathPrefix={path}&maxItems=2");
        var second = await GetJsonAsync(
            $"/api/v1/users?pathPrefix={path}&maxItems=2&marker={first.GetProperty("marker").GetString()}");
        Assert.Equal(["Alice", "bob"], Names(first, "users", "userName"));
        Assert.Equal(["carol", "_under"], Names(second, "users", "userName"));
        Assert.Empty((await GetJsonAsync($"/api/v1/users?pathPrefix={path.ToUpperInvariant()}")).GetProperty("users")
            .EnumerateArray());

        await CreateGroupAsync("Admins");
        await AddToGroupAsync("admins", "alice");
        await AddToGroupAsync("Admins", "bob");
        await AddToGroupAsync("Admins", "Alice");
        Assert.Equal(["Alice", "bob"], Names(await GetJsonAsync("/api/v1/groups/Admins"), "users", "userName"));

        var renamed = await OkAsync(await PatchAsync("/api/v1/users/bob", new { newUserName = "robert" }));
        Assert.Equal(bob.GetProperty("userId").GetString(), renamed.GetProperty("userId").GetString());
        Assert.Equal(["Alice", "robert"],
            Names(await GetJsonAsync("/api/v1/groups/Admins/users"), "users", "userName"));

        await ProblemAsync(await Client.DeleteAsync("/api/v1/users/Alice"), HttpStatusCode.Conflict, "DeleteConflict");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/users/Alice?force=true")).StatusCode);
        Assert.Equal(["robert"], Names(await GetJsonAsync("/api/v1/groups/Admins/users"), "users", "userName"));

        await ProblemAsync(await Client.DeleteAsync("/api/v1/groups/Admins"), HttpStatusCode.Conflict,
            "DeleteConflict");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/groups/Admins?force=true"))
            .StatusCode);
        Assert.Empty((await GetJsonAsync("/api/v1/users/robert/groups")).GetProperty("groups").EnumerateArray());
        Assert.Equal("x", (await GetJsonAsync("/api/v1/users/robert/tags"))
            .GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Walkthrough_RolesPoliciesVersionsAttachmentsAndForcedDeletes()
    {
        var arn = (await CreatePolicyAsync("Read")).GetProperty("arn").GetString()!;
        await CreateRoleAsync("Reader");
        await CreateUserAsync("dave");
        await CreateGroupAsync("Readers");
        await ProblemAsync(
            await PostAsync("/api/v1/policies", new { policyName = "READ", policyDocument = IdentityPolicy() }),
            HttpStatusCode.Conflict, "EntityAlreadyExists");

        await AttachAsync("roles/reader", "read");
        await AttachAsync("users/dave", Uri.EscapeDataString(arn));
        await PutInlineAsync("groups/Readers", "Own", IdentityPolicy("s3:ListBucket"));
        var boundary = await PutAsync("/api/v1/users/dave/permissions-boundary", new { policyArn = arn });
        Assert.Equal(HttpStatusCode.NoContent, boundary.StatusCode);
        for (var i = 2; i <= 5; i++)
        {
            await OkAsync(await PostAsync("/api/v1/policies/Read/versions", new { policyDocument = IdentityPolicy() }),
                HttpStatusCode.Created);
        }

        await ProblemAsync(await PostAsync("/api/v1/policies/Read/versions", new { policyDocument = IdentityPolicy() }),
            HttpStatusCode.Conflict, "LimitExceeded");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/policies/Read/versions/v2"))
            .StatusCode);
        var v6 = await OkAsync(await PostAsync("/api/v1/policies/Read/versions",
            new { policyDocument = IdentityPolicy("s3:PutObject"), setAsDefault = true }), HttpStatusCode.Created);
        Assert.Equal("v6", v6.GetProperty("versionId").GetString());

        var policy = await GetJsonAsync("/api/v1/policies/Read");
        Assert.Equal(2, policy.GetProperty("attachmentCount").GetInt32());
        Assert.Equal(1, policy.GetProperty("permissionsBoundaryUsageCount").GetInt32());
        var entities = await GetJsonAsync("/api/v1/policies/Read/entities?maxItems=1");
        Assert.Equal(["dave"], Names(entities, "policyUsers", "userName"));
        Assert.True(entities.GetProperty("isTruncated").GetBoolean());
        var details = await GetJsonAsync("/api/v1/account/authorization-details?filter=Group");
        Assert.Equal("Own", details.GetProperty("groupDetailList")[0].GetProperty("groupPolicyList")[0]
            .GetProperty("policyName").GetString());

        var conflict = await ProblemAsync(await Client.DeleteAsync("/api/v1/policies/Read"), HttpStatusCode.Conflict,
            "DeleteConflict");
        Assert.Equal(["v1", "v3", "v4", "v5"],
            conflict.GetProperty("remaining").GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/policies/Read?force=true"))
            .StatusCode);
        Assert.False((await GetJsonAsync("/api/v1/users/dave")).TryGetProperty("permissionsBoundary", out _));
        Assert.Empty((await GetJsonAsync("/api/v1/roles/Reader/attached-policies")).GetProperty("attachedPolicies")
            .EnumerateArray());
        await ProblemAsync(await Client.DeleteAsync("/api/v1/groups/Readers"), HttpStatusCode.Conflict,
            "DeleteConflict");
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/groups/Readers?force=true"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync("/api/v1/roles/Reader")).StatusCode);
    }
}
