using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.Policies;

public sealed class PolicyEntitiesTests : ApiTestBase
{
    private sealed record Setup(string Policy, string Arn, string User, string Bounded, string Group, string Role);

    /// <summary>A policy attached to a user, a group and a role, and the boundary of another user and the
    /// role.</summary>
    private async Task<Setup> CreateUsesAsync(string? path = null)
    {
        var policy = Unique("Ent");
        var arn = (await CreatePolicyAsync(policy)).GetProperty("arn").GetString()!;
        var setup = new Setup(policy, arn, Unique("u"), Unique("ub"), Unique("g"), Unique("r"));
        await CreateUserAsync(setup.User, path);
        await CreateUserAsync(setup.Bounded, path);
        await CreateGroupAsync(setup.Group, path);
        await CreateRoleAsync(setup.Role, path);
        await AttachAsync($"users/{setup.User}", policy);
        await AttachAsync($"groups/{setup.Group}", policy);
        await AttachAsync($"roles/{setup.Role}", policy);
        foreach (var holder in new[] { $"users/{setup.Bounded}", $"roles/{setup.Role}" })
        {
            var response = await PutAsync($"/api/v1/{holder}/permissions-boundary", new { policyArn = arn });
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        return setup;
    }

    private static List<string> Listed(JsonElement page, string member, string nameMember) =>
        Names(page, member, nameMember);

    [Fact]
    public async Task Entities_ListsEveryUserGroupAndRoleThatUsesThePolicy()
    {
        var s = await CreateUsesAsync();

        var all = await GetJsonAsync($"/api/v1/policies/{s.Policy}/entities");

        Assert.Equal(new[] { s.User, s.Bounded }.Order(StringComparer.OrdinalIgnoreCase),
            Listed(all, "policyUsers", "userName"));
        Assert.Equal([s.Group], Listed(all, "policyGroups", "groupName"));
        Assert.Equal([s.Role], Listed(all, "policyRoles", "roleName"));
        Assert.Matches("^AIDA", all.GetProperty("policyUsers")[0].GetProperty("userId").GetString());
        Assert.False(all.GetProperty("isTruncated").GetBoolean());
    }

    [Fact]
    public async Task Entities_FilteredByUsageOrType_KeepOnlyThoseEntities()
    {
        var s = await CreateUsesAsync();

        var boundaries = await GetJsonAsync(
            $"/api/v1/policies/{s.Policy}/entities?policyUsageFilter=PermissionsBoundary");
        var attached = await GetJsonAsync($"/api/v1/policies/{s.Policy}/entities?policyUsageFilter=PermissionsPolicy");
        var roles = await GetJsonAsync($"/api/v1/policies/{s.Policy}/entities?entityFilter=Role");

        Assert.Equal([s.Bounded], Listed(boundaries, "policyUsers", "userName"));
        Assert.Empty(Listed(boundaries, "policyGroups", "groupName"));
        Assert.Equal([s.Role], Listed(boundaries, "policyRoles", "roleName"));
        Assert.Equal([s.User], Listed(attached, "policyUsers", "userName"));
        Assert.Equal([s.Group], Listed(attached, "policyGroups", "groupName"));
        Assert.Empty(Listed(roles, "policyUsers", "userName"));
        Assert.Empty(Listed(roles, "policyGroups", "groupName"));
        Assert.Equal([s.Role], Listed(roles, "policyRoles", "roleName"));
    }

    [Fact]
    public async Task Entities_PageOneAtATimeAcrossUsersGroupsAndRoles()
    {
        var path = UniquePath();
        var s = await CreateUsesAsync(path);
        var seen = new List<string>();
        string? marker = null;
        var pages = 0;

        do
        {
            var uri = $"/api/v1/policies/{s.Policy}/entities?maxItems=1&pathPrefix={path}" +
                (marker is null ? "" : $"&marker={marker}");
            var page = await GetJsonAsync(uri);
            seen.AddRange(Listed(page, "policyUsers", "userName"));
            seen.AddRange(Listed(page, "policyGroups", "groupName"));
            seen.AddRange(Listed(page, "policyRoles", "roleName"));
            marker = page.GetProperty("isTruncated").GetBoolean() ? page.GetProperty("marker").GetString() : null;
            pages++;
        }
        while (marker is not null && pages < 10);

        Assert.Equal(
            [.. new[] { s.User, s.Bounded }.Order(StringComparer.OrdinalIgnoreCase), s.Group, s.Role],
            seen);
        Assert.Equal(4, pages);
    }

    [Fact]
    public async Task Entities_BadFiltersAndUnknownPolicies_AreProblems()
    {
        var s = await CreateUsesAsync();

        await ProblemAsync(
            await Client.GetAsync($"/api/v1/policies/{s.Policy}/entities?entityFilter=LocalManagedPolicy"),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{s.Policy}/entities?entityFilter=Printer"),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{s.Policy}/entities?pathPrefix=nope"),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{s.Policy}/entities?marker=bm90LWEtbWFya2Vy"),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{Unique("none")}/entities"),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }
}
