using System.Net;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Groups;

public sealed class GroupsPerUserLimitTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:GroupsPerUser"] = "2",
    };

    [Fact]
    public async Task AddUser_ToAThirdGroup_IsLimitExceededUntilAGroupIsLeft()
    {
        var user = Unique("tom");
        await CreateUserAsync(user);
        string[] groups = [Unique("a"), Unique("b"), Unique("c")];
        foreach (var group in groups)
        {
            await CreateGroupAsync(group);
        }

        await AddToGroupAsync(groups[0], user);
        await AddToGroupAsync(groups[1], user);
        var third = await Client.PutAsync($"/api/v1/groups/{groups[2]}/users/{user}", null);
        await AddToGroupAsync(groups[1], user);

        var problem = await ProblemAsync(third, HttpStatusCode.Conflict, "LimitExceeded");
        Assert.Contains("GroupsPerUser: 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await GetJsonAsync($"/api/v1/users/{user}/groups")).GetProperty("groups").GetArrayLength());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/groups/{groups[0]}/users/{user}"))
            .StatusCode);
        await AddToGroupAsync(groups[2], user);
    }

    [Fact]
    public async Task AddUser_ToSixGroupsAtOnce_NeverExceedsTheQuota()
    {
        var user = Unique("uma");
        await CreateUserAsync(user);
        var groups = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            groups.Add(Unique("par"));
            await CreateGroupAsync(groups[^1]);
        }

        var responses = await Task.WhenAll(groups.Select(g =>
            Task.Run(() => Client.PutAsync($"/api/v1/groups/{g}/users/{user}", null))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var normalized = user.ToUpperInvariant();
        Assert.Equal(2,
            await WithDbAsync(db => db.GroupMemberships.CountAsync(m => m.User!.NormalizedName == normalized)));
    }
}
