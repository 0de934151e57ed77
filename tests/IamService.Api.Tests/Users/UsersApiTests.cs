using System.Net;
using System.Text.Json;
using IamService.Api.Common;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Policies;
using IamService.Data.Users;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Users;

public sealed class UsersApiTests : ApiTestBase
{
    [Fact]
    public async Task Create_WithPathAndTags_ReturnsIdArnAndTagsThatGetReturnsToo()
    {
        var name = Unique("alice");

        var response = await PostAsync("/api/v1/users", new
        {
            userName = name,
            path = "/division/",
            tags = new[] { new { key = "Team", value = "Blue" }, new { key = "cost:center", value = "" } },
        });
        var created = await OkAsync(response, HttpStatusCode.Created);
        var fetched = await GetJsonAsync($"/api/v1/users/{name}");

        var accountId = await AccountIdAsync();
        Assert.Equal($"/api/v1/users/{name}", response.Headers.Location?.AbsolutePath);
        Assert.Equal(name, created.GetProperty("userName").GetString());
        Assert.Matches("^AIDA[A-Z2-7]{17}$", created.GetProperty("userId").GetString());
        Assert.Equal($"arn:aws:iam::{accountId}:user/division/{name}", created.GetProperty("arn").GetString());
        Assert.Equal("/division/", created.GetProperty("path").GetString());
        Assert.Equal(created.ToString(), fetched.ToString());
        Assert.Equal("cost:center", fetched.GetProperty("tags")[0].GetProperty("key").GetString());
        Assert.Equal("Blue", fetched.GetProperty("tags")[1].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Create_WithoutPath_UsesSlash()
    {
        var name = Unique("bob");

        var created = await CreateUserAsync(name);

        Assert.Equal("/", created.GetProperty("path").GetString());
        Assert.EndsWith($":user/{name}", created.GetProperty("arn").GetString(), StringComparison.Ordinal);
        Assert.Empty(created.GetProperty("tags").EnumerateArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("slash/y")]
    [InlineData("ünïcode")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcde")]
    public async Task Create_BadName_IsAValidationErrorAndCreatesNothing(string name)
    {
        var response = await PostAsync("/api/v1/users", new { userName = name });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("'userName'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Name == name)));
    }

    [Theory]
    [InlineData("division")]
    [InlineData("/division")]
    [InlineData("/a b/")]
    [InlineData("")]
    public async Task Create_BadPath_IsAValidationError(string path)
    {
        var response = await PostAsync("/api/v1/users", new { userName = Unique("u"), path });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("'path'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_BadTags_AreRejectedWithIamsCodes()
    {
        var duplicate = await PostAsync("/api/v1/users", new
        {
            userName = Unique("u"),
            tags = new[] { new { key = "Team", value = "a" }, new { key = "TEAM", value = "b" } },
        });
        var tooMany = await PostAsync("/api/v1/users", new
        {
            userName = Unique("u"),
            tags = Enumerable.Range(0, 51).Select(i => new { key = $"k{i}", value = "v" }).ToArray(),
        });
        var badKey = await PostAsync("/api/v1/users", new
        {
            userName = Unique("u"),
            tags = new[] { new { key = "no*stars", value = "v" } },
        });
        var reserved = await PostAsync("/api/v1/users", new
        {
            userName = Unique("u"),
            tags = new[] { new { key = "aws:owner", value = "v" } },
        });

        await ProblemAsync(duplicate, HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(tooMany, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(badKey, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(reserved, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Create_NameTakenInAnotherCase_Is409AndKeepsTheFirst()
    {
        var name = Unique("carol");
        var first = await CreateUserAsync(name);

        var response = await PostAsync("/api/v1/users", new { userName = name.ToUpperInvariant() });

        await ProblemAsync(response, HttpStatusCode.Conflict, "EntityAlreadyExists");
        var fetched = await GetJsonAsync($"/api/v1/users/{name.ToUpperInvariant()}");
        Assert.Equal(first.GetProperty("userId").GetString(), fetched.GetProperty("userId").GetString());
        Assert.Equal(name, fetched.GetProperty("userName").GetString());
    }

    [Fact]
    public async Task Create_EightConcurrentRequestsForOneName_GiveOne201AndSeven409s()
    {
        var name = Unique("race");
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var spelling = i % 2 == 0 ? name : name.ToUpperInvariant();
            return await PostAsync("/api/v1/users", new { userName = spelling });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await ProblemAsync(conflict, HttpStatusCode.Conflict, "EntityAlreadyExists");
        }

        var normalized = name.ToUpperInvariant();
        Assert.Equal(1, await WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedName == normalized)));
    }

    [Theory]
    [InlineData("{\"userName\": ")]
    [InlineData("not json")]
    [InlineData("{\"userName\": \"x\", \"usrName\": \"y\"}")]
    [InlineData("{\"path\": \"/\"}")]
    [InlineData("{\"userName\": null}")]
    [InlineData("{\"userName\": 12}")]
    [InlineData("{\"userName\": \"x\", \"tags\": [{\"key\": \"k\"}]}")]
    [InlineData("")]
    public async Task Create_UnreadableBody_IsInvalidInput(string json)
    {
        var response = await PostRawAsync("/api/v1/users", json);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "InvalidInput");
        Assert.StartsWith("The request could not be read", problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithPermissionsBoundary_ShowsItsArn()
    {
        var accountId = await AccountIdAsync();
        var policyName = Unique("Boundary");
        await WithDbAsync(db =>
        {
            db.ManagedPolicies.Add(
                new ManagedPolicy(IamIds.New(EntityKind.Policy), policyName, "/limits/", DateTimeOffset.UtcNow));
            return db.SaveChangesAsync();
        });
        var arn = $"arn:aws:iam::{accountId}:policy/limits/{policyName}";
        var name = Unique("bounded");

        var created = await OkAsync(
            await PostAsync("/api/v1/users", new { userName = name, permissionsBoundary = arn }),
                HttpStatusCode.Created);
        var fetched = await GetJsonAsync($"/api/v1/users/{name}");
        var missing = await PostAsync("/api/v1/users", new
        {
            userName = Unique("u"),
            permissionsBoundary = $"arn:aws:iam::{accountId}:policy/NoSuchPolicy",
        });
        var malformed = await PostAsync("/api/v1/users",
            new { userName = Unique("u"), permissionsBoundary = "policy" });

        Assert.Equal("Policy", created.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryType")
            .GetString());
        Assert.Equal(arn, fetched.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn").GetString());
        await ProblemAsync(missing, HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Get_UnknownUser_IsNoSuchEntity()
    {
        var response = await Client.GetAsync($"/api/v1/users/{Unique("nobody")}");

        var problem = await ProblemAsync(response, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Contains("cannot be found", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InvalidName_IsAValidationError()
    {
        await ProblemAsync(await Client.GetAsync("/api/v1/users/bad%20name"), HttpStatusCode.BadRequest,
            "ValidationError");
    }

    [Fact]
    public async Task Update_RenameAndMove_KeepsIdGroupsAndTags()
    {
        var name = Unique("dave");
        var group = Unique("devs");
        var created = await CreateUserAsync(name, tags: new[] { new { key = "k", value = "v" } });
        await CreateGroupAsync(group);
        await AddToGroupAsync(group, name);
        var newName = Unique("david");

        var updated = await OkAsync(
            await PatchAsync($"/api/v1/users/{name}", new { newUserName = newName, newPath = "/moved/" }));

        Assert.Equal(created.GetProperty("userId").GetString(), updated.GetProperty("userId").GetString());
        Assert.Equal(newName, updated.GetProperty("userName").GetString());
        Assert.EndsWith($":user/moved/{newName}", updated.GetProperty("arn").GetString(), StringComparison.Ordinal);
        Assert.Equal("v", updated.GetProperty("tags")[0].GetProperty("value").GetString());
        Assert.Equal([group], Names(await GetJsonAsync($"/api/v1/users/{newName}/groups"), "groups", "groupName"));
        Assert.Equal([newName], Names(await GetJsonAsync($"/api/v1/groups/{group}/users"), "users", "userName"));
        await ProblemAsync(await Client.GetAsync($"/api/v1/users/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Update_ChangingOnlyTheCase_IsAllowed()
    {
        var name = Unique("erin");
        await CreateUserAsync(name);

        var updated = await OkAsync(
            await PatchAsync($"/api/v1/users/{name}", new { newUserName = name.ToUpperInvariant() }));

        Assert.Equal(name.ToUpperInvariant(), updated.GetProperty("userName").GetString());
        Assert.Equal("/", updated.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Update_ToAnotherUsersNameInAnotherCase_Is409AndChangesNothing()
    {
        var first = Unique("frank");
        var second = Unique("grace");
        await CreateUserAsync(first);
        await CreateUserAsync(second);

        var response = await PatchAsync($"/api/v1/users/{second}",
            new { newUserName = first.ToUpperInvariant(), newPath = "/x/" });

        await ProblemAsync(response, HttpStatusCode.Conflict, "EntityAlreadyExists");
        Assert.Equal("/", (await GetJsonAsync($"/api/v1/users/{second}")).GetProperty("path").GetString());
    }

    [Fact]
    public async Task Update_BadValuesOrUnknownUser_AreRejected()
    {
        var name = Unique("heidi");
        await CreateUserAsync(name);

        await ProblemAsync(await PatchAsync($"/api/v1/users/{name}", new { newPath = "nope" }),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(await PatchAsync($"/api/v1/users/{name}", new { newUserName = "bad name" }),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(await PatchAsync($"/api/v1/users/{Unique("nobody")}", new { newPath = "/x/" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Delete_UserWithNothingLeft_IsGone()
    {
        var name = Unique("ivan");
        await CreateUserAsync(name, tags: new[] { new { key = "k", value = "v" } });

        var response = await Client.DeleteAsync($"/api/v1/users/{name}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/users/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/users/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Delete_UserWithGroupsAndPolicies_IsADeleteConflictListingThemAndChangesNothing()
    {
        var (name, groups, policy) = await CreateUserWithEverythingAsync();

        var response = await Client.DeleteAsync($"/api/v1/users/{name}");

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict, "DeleteConflict");
        var remaining = problem.GetProperty("remaining");
        Assert.Equal(groups.Order(StringComparer.Ordinal), remaining.GetProperty("groups").EnumerateArray()
            .Select(e => e.GetString()));
        Assert.Equal(policy, remaining.GetProperty("attachedPolicies")[0].GetString());
        Assert.Equal("Inline", remaining.GetProperty("inlinePolicies")[0].GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(groups[0], detail, StringComparison.Ordinal);
        Assert.Contains("force=true", detail, StringComparison.Ordinal);
        Assert.Equal(groups.Count, Names(await GetJsonAsync($"/api/v1/users/{name}/groups"), "groups", "groupName")
            .Count);
    }

    [Fact]
    public async Task Delete_WithForce_RemovesMembershipsAndPoliciesButNotTheGroupsOrThePolicy()
    {
        var (name, groups, policy) = await CreateUserWithEverythingAsync();

        var response = await Client.DeleteAsync($"/api/v1/users/{name}?force=true");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/users/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
        foreach (var group in groups)
        {
            var detail = await GetJsonAsync($"/api/v1/groups/{group}");
            Assert.Empty(detail.GetProperty("users").EnumerateArray());
        }

        Assert.True(await WithDbAsync(db => db.ManagedPolicies.AnyAsync(p => p.Name == policy)));
        Assert.False(await WithDbAsync(db => db.UserInlinePolicies.AnyAsync(p => p.Document == name)));
    }

    [Fact]
    public async Task ListGroups_PagesThroughAUsersGroupsByName()
    {
        var name = Unique("judy");
        await CreateUserAsync(name);
        var stem = Unique("g");
        string[] groups = [$"{stem}-c", $"{stem}-A", $"{stem}-b"];
        foreach (var group in groups)
        {
            await CreateGroupAsync(group);
            await AddToGroupAsync(group, name);
        }

        var first = await GetJsonAsync($"/api/v1/users/{name}/groups?maxItems=2");
        var second = await GetJsonAsync(
            $"/api/v1/users/{name}/groups?maxItems=2&marker={first.GetProperty("marker").GetString()}");

        Assert.Equal([$"{stem}-A", $"{stem}-b"], Names(first, "groups", "groupName"));
        Assert.True(first.GetProperty("isTruncated").GetBoolean());
        Assert.Equal([$"{stem}-c"], Names(second, "groups", "groupName"));
        Assert.False(second.GetProperty("isTruncated").GetBoolean());
        Assert.False(second.TryGetProperty("marker", out _));
        await ProblemAsync(await Client.GetAsync($"/api/v1/users/{Unique("nobody")}/groups"),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Tags_TagOverwritesKeysRegardlessOfCaseAndUntagRemovesThem()
    {
        var name = Unique("kim");
        await CreateUserAsync(name,
            tags: new[] { new { key = "Department", value = "Finance" }, new { key = "Team", value = "Blue" } });

        var tag = await PostAsync($"/api/v1/users/{name}/tags", new
        {
            tags = new[] { new { key = "department", value = "HR" }, new { key = "Floor", value = "3" } },
        });
        var afterTag = await GetJsonAsync($"/api/v1/users/{name}/tags");
        var untag = await Client.DeleteAsync($"/api/v1/users/{name}/tags?tagKeys=TEAM&tagKeys=absent");
        var afterUntag = await GetJsonAsync($"/api/v1/users/{name}/tags");

        Assert.Equal(HttpStatusCode.NoContent, tag.StatusCode);
        Assert.Equal(
            """{"tags":[{"key":"department","value":"HR"},{"key":"Floor","value":"3"},""" +
            """{"key":"Team","value":"Blue"}]}""",
            JsonSerializer.Serialize(afterTag));
        Assert.Equal(HttpStatusCode.NoContent, untag.StatusCode);
        Assert.Equal(["department", "Floor"], Names(afterUntag, "tags", "key"));
    }

    [Fact]
    public async Task Tags_BeyondFiftyOrInvalid_AreRejectedAndChangeNothing()
    {
        var name = Unique("lee");
        await CreateUserAsync(name, tags: Enumerable.Range(0, 49).Select(i => new { key = $"k{i}", value = "v" })
            .ToArray());

        var tooMany = await PostAsync($"/api/v1/users/{name}/tags", new
        {
            tags = new[] { new { key = "new1", value = "v" }, new { key = "new2", value = "v" } },
        });
        var noKeys = await Client.DeleteAsync($"/api/v1/users/{name}/tags");
        var badKey = await PostAsync($"/api/v1/users/{name}/tags",
            new { tags = new[] { new { key = "", value = "v" } } });
        var unknownUser = await PostAsync($"/api/v1/users/{Unique("nobody")}/tags",
            new { tags = new[] { new { key = "k", value = "v" } } });

        await ProblemAsync(tooMany, HttpStatusCode.Conflict, "LimitExceeded");
        await ProblemAsync(noKeys, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(badKey, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(unknownUser, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Equal(49, (await GetJsonAsync($"/api/v1/users/{name}/tags")).GetProperty("tags").GetArrayLength());
    }

    [Fact]
    public async Task List_FiltersByPathPrefixAndOrdersByNameRegardlessOfCase()
    {
        var path = UniquePath();
        var stem = Unique("m");
        await CreateUserAsync($"{stem}-b", path);
        await CreateUserAsync($"{stem}-A", path + "sub/");
        await CreateUserAsync($"{stem}-C", path);
        await CreateUserAsync($"{stem}-outside", UniquePath());

        var all = await GetJsonAsync($"/api/v1/users?pathPrefix={path}");
        var sub = await GetJsonAsync($"/api/v1/users?pathPrefix={path}sub");
        var upperCasePrefix = await GetJsonAsync($"/api/v1/users?pathPrefix={path.ToUpperInvariant()}");

        Assert.Equal([$"{stem}-A", $"{stem}-b", $"{stem}-C"], Names(all, "users", "userName"));
        Assert.False(all.GetProperty("isTruncated").GetBoolean());
        Assert.False(all.GetProperty("users")[0].TryGetProperty("tags", out _));
        Assert.Equal([$"{stem}-A"], Names(sub, "users", "userName"));
        Assert.Empty(upperCasePrefix.GetProperty("users").EnumerateArray());
    }

    [Theory]
    [InlineData("maxItems=0", "ValidationError")]
    [InlineData("maxItems=1001", "ValidationError")]
    [InlineData("maxItems=abc", "InvalidInput")]
    [InlineData("marker=garbage!", "InvalidInput")]
    [InlineData("pathPrefix=nope", "ValidationError")]
    public async Task List_BadQuery_IsA400(string query, string code)
    {
        await ProblemAsync(await Client.GetAsync($"/api/v1/users?{query}"), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task List_MaxItems1000_IsAccepted()
    {
        var list = await GetJsonAsync($"/api/v1/users?maxItems=1000&pathPrefix={UniquePath()}");

        Assert.Empty(list.GetProperty("users").EnumerateArray());
    }

    /// <summary>A user in two groups with one attached and one inline policy (put in the store directly).</summary>
    private async Task<(string Name, List<string> Groups, string Policy)> CreateUserWithEverythingAsync()
    {
        var name = Unique("owner");
        var created = await CreateUserAsync(name);
        var userId = created.GetProperty("userId").GetString()!;
        List<string> groups = [Unique("gb"), Unique("ga")];
        foreach (var group in groups)
        {
            await CreateGroupAsync(group);
            await AddToGroupAsync(group, name);
        }

        var policy = Unique("Managed");
        await WithDbAsync(db =>
        {
            var managed = new ManagedPolicy(IamIds.New(EntityKind.Policy), policy, "/", DateTimeOffset.UtcNow);
            db.ManagedPolicies.Add(managed);
            db.UserPolicyAttachments.Add(new UserPolicyAttachment(userId, managed.Id));
            db.UserInlinePolicies.Add(new UserInlinePolicy(userId, "Inline", name));
            return db.SaveChangesAsync();
        });
        return (name, groups, policy);
    }
}
