using System.Net;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Groups;

/// <summary>The quota counts every group of the account, so this class has one test and its own database.</summary>
public sealed class GroupsPerAccountLimitTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:GroupsPerAccount"] = "3",
    };

    [Fact]
    public async Task CreateGroup_ConcurrentlyBeyondTheQuota_CreatesExactlyTheQuota()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => PostAsync("/api/v1/groups", new { groupName = Unique("g") }))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await ProblemAsync(refused, HttpStatusCode.Conflict, "LimitExceeded");
            Assert.Contains("GroupsPerAccount: 3", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(3, await WithDbAsync(db => db.Groups.CountAsync()));
    }
}
