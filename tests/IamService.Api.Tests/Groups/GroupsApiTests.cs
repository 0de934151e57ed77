using System.Net;
using IamService.Api.Common;
using IamService.Api.Tests.Infrastructure;
using IamService.Data.Groups;
using IamService.Data.Policies;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Groups;

public sealed class GroupsApiTests : ApiTestBase
{
    [Fact]
    public async Task Create_ThenGet_ReturnsTheGroupWithItsTagsAndNoMembers()
    {
        var name = Unique("admins");

        var response = await PostAsync("/api/v1/groups", new
        {
            groupName = name,
            path = "/ops/",
            tags = new[] { new { key = "Owner", value = "it" } },
        });
        var created = await OkAsync(response, HttpStatusCode.Created);
        var fetched = await GetJsonAsync($"/api/v1/groups/{name.ToUpperInvariant()}");

        var accountId = await AccountIdAsync();
        Assert.Equal($"/api/v1/groups/{name}", response.Headers.Location?.AbsolutePath);
        Assert.Matches("^AGPA[A-Z2-7]{17}$", created.GetProperty("groupId").GetString());
        Assert.Equal($"arn:aws:iam::{accountId}:group/ops/{name}", created.GetProperty("arn").GetString());
        Assert.Equal(created.ToString(), fetched.GetProperty("group").ToString());
        Assert.Empty(fetched.GetProperty("users").EnumerateArray());
        Assert.False(fetched.GetProperty("isTruncated").GetBoolean());
    }

    [Theory]
    [InlineData("{\"groupName\": \"\"}", "ValidationError")]
    [InlineData("{\"groupName\": \"a b\"}", "ValidationError")]
    [InlineData("{\"groupName\": \"ok\", \"path\": \"no\"}", "ValidationError")]
    [InlineData("{\"groupName\": \"ok\", \"members\": []}", "InvalidInput")]
    [InlineData("{\"groupName\": ", "InvalidInput")]
    public async Task Create_BadRequest_IsA400(string json, string code)
    {
        await ProblemAsync(await PostRawAsync("/api/v1/groups", json), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Create_LongNames_FollowTheGroupLimitOf128()
    {
        var ok = Unique("g") + new string('x', 128 - 14);

        await CreateGroupAsync(ok);
        await ProblemAsync(await PostAsync("/api/v1/groups", new { groupName = ok + "y" }),
            HttpStatusCode.BadRequest, "ValidationError");
    }

    [Fact]
    public async Task Create_NameTakenInAnotherCase_Is409()
    {
        var name = Unique("ops");
        await CreateGroupAsync(name);

        await ProblemAsync(await PostAsync("/api/v1/groups", new { groupName = name.ToUpperInvariant() }),
            HttpStatusCode.Conflict, "EntityAlreadyExists");
    }

    [Fact]
    public async Task Members_AddIsIdempotentAndRemoveTakesThemOut()
    {
        var group = Unique("team");
        var user = Unique("nina");
        await CreateGroupAsync(group);
        await CreateUserAsync(user);

        await AddToGroupAsync(group, user);
        await AddToGroupAsync(group.ToUpperInvariant(), user.ToUpperInvariant());
        var members = await GetJsonAsync($"/api/v1/groups/{group}/users");
        var rows = await WithDbAsync(db => db.GroupMemberships.CountAsync(m => m.User!.Name == user));
        var removed = await Client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
        var removedAgain = await Client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");

        Assert.Equal([user], Names(members, "users", "userName"));
        Assert.Equal(1, rows);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await ProblemAsync(removedAgain, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Empty((await GetJsonAsync($"/api/v1/groups/{group}/users")).GetProperty("users").EnumerateArray());
        await GetJsonAsync($"/api/v1/users/{user}");
    }

    [Fact]
    public async Task Members_UnknownGroupOrUser_Is404()
    {
        var group = Unique("team");
        var user = Unique("oscar");
        await CreateGroupAsync(group);
        await CreateUserAsync(user);

        await ProblemAsync(await Client.PutAsync($"/api/v1/groups/{Unique("none")}/users/{user}", null),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.PutAsync($"/api/v1/groups/{group}/users/{Unique("none")}", null),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.GetAsync($"/api/v1/groups/{Unique("none")}/users"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/groups/{Unique("none")}/users/{user}"),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Get_PagesThroughMembersByName()
    {
        var group = Unique("big");
        await CreateGroupAsync(group);
        var stem = Unique("p");
        string[] users = [$"{stem}-c", $"{stem}-a", $"{stem}-B"];
        foreach (var user in users)
        {
            await CreateUserAsync(user);
            await AddToGroupAsync(group, user);
        }

        var first = await GetJsonAsync($"/api/v1/groups/{group}?maxItems=2");
        var second = await GetJsonAsync(
            $"/api/v1/groups/{group}?maxItems=2&marker={first.GetProperty("marker").GetString()}");
        var listed = await GetJsonAsync($"/api/v1/groups/{group}/users?maxItems=1");

        Assert.Equal([$"{stem}-a", $"{stem}-B"], Names(first, "users", "userName"));
        Assert.True(first.GetProperty("isTruncated").GetBoolean());
        Assert.Equal([$"{stem}-c"], Names(second, "users", "userName"));
        Assert.Equal(group, second.GetProperty("group").GetProperty("groupName").GetString());
        Assert.Equal([$"{stem}-a"], Names(listed, "users", "userName"));
        await ProblemAsync(await Client.GetAsync($"/api/v1/groups/{group}?maxItems=0"), HttpStatusCode.BadRequest,
            "ValidationError");
    }

    [Fact]
    public async Task Update_RenameAndMove_KeepsIdAndMembers()
    {
        var group = Unique("old");
        var user = Unique("pat");
        var created = await CreateGroupAsync(group);
        await CreateUserAsync(user);
        await AddToGroupAsync(group, user);
        var newName = Unique("new");

        var updated = await OkAsync(
            await PatchAsync($"/api/v1/groups/{group}", new { newGroupName = newName, newPath = "/x/" }));

        Assert.Equal(created.GetProperty("groupId").GetString(), updated.GetProperty("groupId").GetString());
        Assert.EndsWith($":group/x/{newName}", updated.GetProperty("arn").GetString(), StringComparison.Ordinal);
        Assert.Equal([user], Names(await GetJsonAsync($"/api/v1/groups/{newName}/users"), "users", "userName"));
        Assert.Equal([newName], Names(await GetJsonAsync($"/api/v1/users/{user}/groups"), "groups", "groupName"));
        await ProblemAsync(await Client.GetAsync($"/api/v1/groups/{group}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Update_ToATakenName_Is409()
    {
        var first = Unique("one");
        var second = Unique("two");
        await CreateGroupAsync(first);
        await CreateGroupAsync(second);

        await ProblemAsync(
            await PatchAsync($"/api/v1/groups/{second}", new { newGroupName = first.ToUpperInvariant() }),
            HttpStatusCode.Conflict, "EntityAlreadyExists");
        await ProblemAsync(await PatchAsync($"/api/v1/groups/{Unique("none")}", new { newPath = "/" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Delete_GroupWithMembers_IsADeleteConflictUnlessForcedAndNeverDeletesTheUsers()
    {
        var group = Unique("doomed");
        var user = Unique("quinn");
        await CreateGroupAsync(group);
        await CreateUserAsync(user);
        await AddToGroupAsync(group, user);

        var refused = await Client.DeleteAsync($"/api/v1/groups/{group}");
        var problem = await ProblemAsync(refused, HttpStatusCode.Conflict, "DeleteConflict");
        Assert.Equal(user, problem.GetProperty("remaining").GetProperty("users")[0].GetString());
        Assert.Equal([user], Names(await GetJsonAsync($"/api/v1/groups/{group}/users"), "users", "userName"));

        var forced = await Client.DeleteAsync($"/api/v1/groups/{group}?force=true");

        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/groups/{group}"), HttpStatusCode.NotFound, "NoSuchEntity");
        await GetJsonAsync($"/api/v1/users/{user}");
        Assert.Empty((await GetJsonAsync($"/api/v1/users/{user}/groups")).GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task Delete_GroupWithPolicies_ListsThemAndForceKeepsTheManagedPolicy()
    {
        var group = Unique("withpolicies");
        var groupId = (await CreateGroupAsync(group)).GetProperty("groupId").GetString()!;
        var policy = Unique("Shared");
        await WithDbAsync(db =>
        {
            var managed = new ManagedPolicy(IamIds.New(EntityKind.Policy), policy, "/", DateTimeOffset.UtcNow);
            db.ManagedPolicies.Add(managed);
            db.GroupPolicyAttachments.Add(new GroupPolicyAttachment(groupId, managed.Id));
            db.GroupInlinePolicies.Add(new GroupInlinePolicy(groupId, "Inline", "{}"));
            return db.SaveChangesAsync();
        });

        var problem = await ProblemAsync(await Client.DeleteAsync($"/api/v1/groups/{group}"), HttpStatusCode.Conflict,
            "DeleteConflict");
        var forced = await Client.DeleteAsync($"/api/v1/groups/{group}?force=true");

        Assert.Equal(policy, problem.GetProperty("remaining").GetProperty("attachedPolicies")[0].GetString());
        Assert.Equal("Inline", problem.GetProperty("remaining").GetProperty("inlinePolicies")[0].GetString());
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        Assert.True(await WithDbAsync(db => db.ManagedPolicies.AnyAsync(p => p.Name == policy)));
        Assert.False(await WithDbAsync(db => db.GroupInlinePolicies.AnyAsync(p => p.GroupId == groupId)));
    }

    [Fact]
    public async Task DeleteUser_InAGroupWithForce_LeavesTheGroupAndItsOtherMembers()
    {
        var group = Unique("stays");
        var leaving = Unique("rita");
        var staying = Unique("sam");
        await CreateGroupAsync(group);
        await CreateUserAsync(leaving);
        await CreateUserAsync(staying);
        await AddToGroupAsync(group, leaving);
        await AddToGroupAsync(group, staying);

        var deleted = await Client.DeleteAsync($"/api/v1/users/{leaving}?force=true");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal([staying], Names(await GetJsonAsync($"/api/v1/groups/{group}/users"), "users", "userName"));
    }

    [Fact]
    public async Task Tags_OnGroups_MergeAndRemoveLikeUserTags()
    {
        var group = Unique("tagged");
        await CreateGroupAsync(group);

        var tagged = await PostAsync($"/api/v1/groups/{group}/tags",
            new { tags = new[] { new { key = "A", value = "1" }, new { key = "b", value = "2" } } });
        var retagged = await PostAsync($"/api/v1/groups/{group}/tags",
            new { tags = new[] { new { key = "a", value = "3" } } });
        var untagged = await Client.DeleteAsync($"/api/v1/groups/{group}/tags?tagKeys=B");
        var tags = await GetJsonAsync($"/api/v1/groups/{group}/tags");

        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, retagged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, untagged.StatusCode);
        Assert.Equal("""{"tags":[{"key":"a","value":"3"}]}""", tags.ToString()
            .Replace(" ", "", StringComparison.Ordinal));
        await ProblemAsync(await Client.GetAsync($"/api/v1/groups/{Unique("none")}/tags"), HttpStatusCode.NotFound,
            "NoSuchEntity");
    }

    [Fact]
    public async Task List_FiltersByPathPrefixAndPages()
    {
        var path = UniquePath();
        var stem = Unique("l");
        foreach (var suffix in new[] { "d", "B", "a", "C" })
        {
            await CreateGroupAsync($"{stem}-{suffix}", path);
        }

        var first = await GetJsonAsync($"/api/v1/groups?pathPrefix={path}&maxItems=3");
        var second = await GetJsonAsync(
            $"/api/v1/groups?pathPrefix={path}&maxItems=3&marker={first.GetProperty("marker").GetString()}");

        Assert.Equal([$"{stem}-a", $"{stem}-B", $"{stem}-C"], Names(first, "groups", "groupName"));
        Assert.Equal([$"{stem}-d"], Names(second, "groups", "groupName"));
        Assert.False(second.GetProperty("isTruncated").GetBoolean());
        await ProblemAsync(await Client.GetAsync("/api/v1/groups?maxItems=1001"), HttpStatusCode.BadRequest,
            "ValidationError");
    }
}
