using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.AuthorizationDetails;

public sealed class AuthorizationDetailsTests : ApiTestBase
{
    private const string Uri = "/api/v1/account/authorization-details";

    private static readonly string[] Sections = ["userDetailList", "groupDetailList", "roleDetailList", "policies"];

    private static readonly string[] NameMembers = ["userName", "groupName", "roleName", "policyName"];

    /// <summary>A user in a group, with a boundary, attached and inline policies and a tag; the same for a group and a
    /// role.</summary>
    private async Task<(string User, string Group, string Role, string Policy, string Boundary)> CreateAccountAsync()
    {
        var (user, group, role, policy, boundary) = (Unique("u"), Unique("g"), Unique("r"), Unique("p"), Unique("b"));
        await CreatePolicyAsync(policy);
        await OkAsync(await PostAsync($"/api/v1/policies/{policy}/versions",
            new { policyDocument = IdentityPolicy("s3:PutObject"), setAsDefault = true }), HttpStatusCode.Created);
        var boundaryArn = (await CreatePolicyAsync(boundary)).GetProperty("arn").GetString()!;
        await OkAsync(await PostAsync("/api/v1/users", new
        {
            userName = user,
            permissionsBoundary = boundaryArn,
            tags = new[] { new { key = "Team", value = "a" } },
        }), HttpStatusCode.Created);
        await CreateGroupAsync(group);
        await CreateRoleAsync(role);
        await AddToGroupAsync(group, user);
        foreach (var holder in new[] { $"users/{user}", $"groups/{group}", $"roles/{role}" })
        {
            await AttachAsync(holder, policy);
            await PutInlineAsync(holder, "Own", IdentityPolicy("s3:ListBucket"));
        }

        await PutAsync($"/api/v1/roles/{role}/permissions-boundary", new { policyArn = boundaryArn });
        return (user, group, role, policy, boundary);
    }

    private static JsonElement Find(JsonElement page, string section, string nameMember, string name) =>
        page.GetProperty(section).EnumerateArray().Single(e => e.GetProperty(nameMember).GetString() == name);

    private static List<string> AllNames(JsonElement page) =>
        [.. Sections.Zip(NameMembers).SelectMany(s => Names(page, s.First, s.Second))];

    [Fact]
    public async Task Get_DescribesEveryIdentityAndPolicyWithWhatDecidesItsPermissions()
    {
        var (user, group, role, policy, boundary) = await CreateAccountAsync();

        var page = await GetJsonAsync($"{Uri}?maxItems=1000");

        var u = Find(page, "userDetailList", "userName", user);
        Assert.Equal([group], u.GetProperty("groupList").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal([policy], Names(u, "attachedManagedPolicies", "policyName"));
        Assert.Equal("Own", u.GetProperty("userPolicyList")[0].GetProperty("policyName").GetString());
        Assert.Contains("s3:ListBucket", u.GetProperty("userPolicyList")[0].GetProperty("policyDocument").GetString(),
            StringComparison.Ordinal);
        Assert.EndsWith(boundary, u.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn")
            .GetString(),
            StringComparison.Ordinal);
        Assert.Equal("Team", u.GetProperty("tags")[0].GetProperty("key").GetString());
        var g = Find(page, "groupDetailList", "groupName", group);
        Assert.Equal([policy], Names(g, "attachedManagedPolicies", "policyName"));
        Assert.Equal("Own", g.GetProperty("groupPolicyList")[0].GetProperty("policyName").GetString());
        var r = Find(page, "roleDetailList", "roleName", role);
        Assert.Contains("sts:AssumeRole", r.GetProperty("assumeRolePolicyDocument").GetString(),
            StringComparison.Ordinal);
        Assert.Equal([policy], Names(r, "attachedManagedPolicies", "policyName"));
        Assert.Equal("Own", r.GetProperty("rolePolicyList")[0].GetProperty("policyName").GetString());
        Assert.EndsWith(boundary, r.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn")
            .GetString(),
            StringComparison.Ordinal);
        var p = Find(page, "policies", "policyName", policy);
        Assert.Equal("v2", p.GetProperty("defaultVersionId").GetString());
        Assert.Equal(3, p.GetProperty("attachmentCount").GetInt32());
        var versions = p.GetProperty("policyVersionList");
        Assert.Equal(["v2", "v1"], versions.EnumerateArray().Select(v => v.GetProperty("versionId").GetString()));
        Assert.True(versions[0].GetProperty("isDefaultVersion").GetBoolean());
        Assert.Contains("s3:PutObject", versions[0].GetProperty("document").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, Find(page, "policies", "policyName", boundary).GetProperty("permissionsBoundaryUsageCount")
            .GetInt32());
    }

    [Fact]
    public async Task Get_WithFilter_ListsOnlyTheChosenKinds()
    {
        var (_, _, role, policy, _) = await CreateAccountAsync();

        var page = await GetJsonAsync($"{Uri}?filter=Role&filter=LocalManagedPolicy&maxItems=1000");
        var awsOnly = await GetJsonAsync($"{Uri}?filter=AWSManagedPolicy");

        Assert.Empty(page.GetProperty("userDetailList").EnumerateArray());
        Assert.Empty(page.GetProperty("groupDetailList").EnumerateArray());
        Assert.Contains(role, Names(page, "roleDetailList", "roleName"));
        Assert.Contains(policy, Names(page, "policies", "policyName"));
        Assert.Empty(AllNames(awsOnly));
        await ProblemAsync(await Client.GetAsync($"{Uri}?filter=Printer"), HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Client.GetAsync($"{Uri}?marker=bm9wZQ"), HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Client.GetAsync($"{Uri}?maxItems=1001"), HttpStatusCode.BadRequest, "ValidationError");
    }

    [Fact]
    public async Task Get_PagedTwoAtATime_GivesEverythingOnceInTheOrderOfOnePage()
    {
        await CreateAccountAsync();
        var whole = await GetJsonAsync($"{Uri}?maxItems=1000");
        var seen = new List<string>();
        string? marker = null;

        do
        {
            var page = await GetJsonAsync($"{Uri}?maxItems=2" + (marker is null ? "" : $"&marker={marker}"));
            var names = AllNames(page);
            Assert.InRange(names.Count, 1, 2);
            seen.AddRange(names);
            marker = page.GetProperty("isTruncated").GetBoolean() ? page.GetProperty("marker").GetString() : null;
        }
        while (marker is not null);

        Assert.False(whole.GetProperty("isTruncated").GetBoolean());
        Assert.Equal(AllNames(whole), seen);
    }

    [Fact]
    public async Task Get_IssuesTheSameNumberOfQueries_HoweverManyEntitiesThePageHolds()
    {
        await CreateAccountAsync();
        await GetJsonAsync(Uri);
        Factory.SqlCommands.Reset();
        var few = await GetJsonAsync($"{Uri}?maxItems=1000");
        var fewQueries = Factory.SqlCommands.Count;

        for (var i = 0; i < 3; i++)
        {
            await CreateAccountAsync();
        }

        Factory.SqlCommands.Reset();
        var many = await GetJsonAsync($"{Uri}?maxItems=1000");
        var manyQueries = Factory.SqlCommands.Count;

        Assert.True(AllNames(many).Count >= AllNames(few).Count + 15);
        Assert.Equal(fewQueries, manyQueries);
        // A page of users, groups, roles and policies: each section and each related table once.
        Assert.InRange(manyQueries, 4, 16);
    }
}
