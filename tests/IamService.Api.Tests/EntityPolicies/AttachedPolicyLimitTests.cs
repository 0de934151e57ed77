using System.Net;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.EntityPolicies;

public sealed class AttachedPolicyLimitTests : ApiTestBase
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:AttachedPoliciesPerEntity"] = "2",
        ["Limits:VersionsPerPolicy"] = "2",
    };

    [Fact]
    public async Task Attach_AThirdPolicy_IsLimitExceeded_ButReattachingOneIsFine()
    {
        var user = Unique("lim");
        await CreateUserAsync(user);
        string[] policies = [Unique("p1"), Unique("p2"), Unique("p3")];
        foreach (var policy in policies)
        {
            await CreatePolicyAsync(policy);
        }

        await AttachAsync($"users/{user}", policies[0]);
        await AttachAsync($"users/{user}", policies[1]);
        var third = await Client.PutAsync($"/api/v1/users/{user}/attached-policies/{policies[2]}", null);
        await AttachAsync($"users/{user}", policies[1]);

        var problem = await ProblemAsync(third, HttpStatusCode.Conflict, "LimitExceeded");
        Assert.Contains("PoliciesPerUser: 2", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await GetJsonAsync($"/api/v1/users/{user}/attached-policies"))
            .GetProperty("attachedPolicies").GetArrayLength());
    }

    [Fact]
    public async Task Attach_SixPoliciesAtOnce_NeverExceedsTheQuota()
    {
        var role = Unique("par");
        await CreateRoleAsync(role);
        var policies = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            policies.Add(Unique("pp"));
            await CreatePolicyAsync(policies[^1]);
        }

        var responses = await Task.WhenAll(policies.Select(p =>
            Task.Run(() => Client.PutAsync($"/api/v1/roles/{role}/attached-policies/{p}", null))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.Equal(4, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var normalized = role.ToUpperInvariant();
        Assert.Equal(2,
            await WithDbAsync(db => db.RolePolicyAttachments.CountAsync(a => a.Role!.NormalizedName == normalized)));
    }

    [Fact]
    public async Task CreateVersion_PastTheConfiguredQuota_IsLimitExceeded_EvenWhenRacing()
    {
        var policy = Unique("vq");
        await CreatePolicyAsync(policy);

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => Task.Run(() =>
            PostAsync($"/api/v1/policies/{policy}/versions", new { policyDocument = IdentityPolicy($"s3:Get{i}") }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var versions = (await GetJsonAsync($"/api/v1/policies/{policy}/versions")).GetProperty("versions");
        Assert.Equal(["v2", "v1"], versions.EnumerateArray().Select(v => v.GetProperty("versionId").GetString()));
    }
}
