using System.Net;
using System.Net.Http.Json;

namespace IamService.Api.Tests.Decisions;

/// <summary>Every kind of change is seen by the very next decision, although decisions come from a cache.</summary>
public sealed class DecisionCacheTests : DecisionTestBase
{
    private const string Bucket = "arn:aws:s3:::cache-test/key";

    [Fact]
    public async Task Attaching_and_detaching_a_managed_policy()
    {
        var user = await WarmUserAsync();
        var policy = Unique("p");
        await CreatePolicyAsync(policy, document: Allow("s3:GetObject"));

        await AttachAsync($"users/{user}", policy);
        Assert.Equal("allowed", await GetObjectAsync(user));

        var detached = await Client.DeleteAsync($"/api/v1/users/{user}/attached-policies/{policy}");
        Assert.Equal(HttpStatusCode.NoContent, detached.StatusCode);
        Assert.Equal("implicitDeny", await GetObjectAsync(user));
    }

    [Fact]
    public async Task A_new_default_version_of_an_attached_policy()
    {
        var user = await WarmUserAsync();
        var policy = Unique("p");
        await CreatePolicyAsync(policy, document: Allow("s3:GetObject"));
        await AttachAsync($"users/{user}", policy);
        Assert.Equal("allowed", await GetObjectAsync(user));

        var version = await PostAsync($"/api/v1/policies/{policy}/versions",
            new { policyDocument = Allow("s3:PutObject"), setAsDefault = true });
        await OkAsync(version, HttpStatusCode.Created);

        Assert.Equal("implicitDeny", await GetObjectAsync(user));
    }

    [Fact]
    public async Task Joining_and_leaving_a_group_and_a_change_to_the_group_policy()
    {
        var user = await WarmUserAsync();
        var group = Unique("g");
        await CreateGroupAsync(group);
        await PutInlineAsync($"groups/{group}", "get", Allow("s3:GetObject"));

        await AddToGroupAsync(group, user);
        Assert.Equal("allowed", await GetObjectAsync(user));

        await PutInlineAsync($"groups/{group}", "get", Allow("s3:ListBucket"));
        Assert.Equal("implicitDeny", await GetObjectAsync(user));

        await PutInlineAsync($"groups/{group}", "get", Allow("s3:GetObject"));
        Assert.Equal("allowed", await GetObjectAsync(user));
        var left = await Client.DeleteAsync($"/api/v1/groups/{group}/users/{user}");
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        Assert.Equal("implicitDeny", await GetObjectAsync(user));
    }

    [Fact]
    public async Task Setting_a_permissions_boundary_and_deleting_an_inline_policy()
    {
        var user = await WarmUserAsync();
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        Assert.Equal("allowed", await GetObjectAsync(user));

        var boundary = await CreatePolicyAsync(Unique("b"), document: Allow("ec2:*"));
        var set = await PutAsync(
            $"/api/v1/users/{user}/permissions-boundary",
            new { policyArn = boundary.GetProperty("arn").GetString() });
        Assert.True(set.IsSuccessStatusCode);
        Assert.Equal("implicitDeny", await GetObjectAsync(user));

        var unset = await Client.DeleteAsync($"/api/v1/users/{user}/permissions-boundary");
        Assert.Equal(HttpStatusCode.NoContent, unset.StatusCode);
        Assert.Equal("allowed", await GetObjectAsync(user));
        var deleted = await Client.DeleteAsync($"/api/v1/users/{user}/inline-policies/get");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal("implicitDeny", await GetObjectAsync(user));
    }

    [Fact]
    public async Task Changing_the_principal_tags_a_condition_reads()
    {
        var user = await WarmUserAsync();
        await PutInlineAsync($"users/{user}", "team", Allow("s3:GetObject",
            condition: """{"StringEquals":{"aws:PrincipalTag/team":"data"}}"""));
        Assert.Equal("implicitDeny", await GetObjectAsync(user));

        var tagged = await PostAsync(
            $"/api/v1/users/{user}/tags",
            new { tags = new[] { new { key = "team", value = "data" } } });
        Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());

        Assert.Equal("allowed", await GetObjectAsync(user));
    }

    [Fact]
    public async Task Renaming_and_deleting_the_principal()
    {
        var user = await WarmUserAsync();
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        Assert.Equal("allowed", await GetObjectAsync(user));

        var renamed = Unique("renamed");
        Assert.True((await PatchAsync($"/api/v1/users/{user}", new { newUserName = renamed })).IsSuccessStatusCode);
        await ProblemAsync(await AskAsync(user), HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Equal("allowed", await GetObjectAsync(renamed));

        var deleted = await Client.DeleteAsync($"/api/v1/users/{renamed}?force=true");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ProblemAsync(await AskAsync(renamed), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task A_cold_principal_costs_the_same_few_queries_whatever_its_number_of_groups_and_policies()
    {
        // The caller's own session is read once and then cached; ask once so that it is not counted.
        Assert.Equal("allowed", await DecisionAsync($"arn:aws:iam::{Account}:root", "s3:GetObject", Bucket));
        var small = await PrincipalWithGroupsAsync(groups: 1, policiesPerGroup: 1);
        var large = await PrincipalWithGroupsAsync(groups: 6, policiesPerGroup: 4);

        var smallQueries = await CountColdQueriesAsync(small);
        var largeQueries = await CountColdQueriesAsync(large);

        Assert.Equal(smallQueries, largeQueries);
        Assert.InRange(largeQueries, 1, 8);
        Factory.SqlCommands.Reset();
        Assert.Equal("allowed", await GetObjectAsync(large));
        Assert.Equal(0, Factory.SqlCommands.Count);
    }

    private async Task<int> CountColdQueriesAsync(string user)
    {
        Factory.SqlCommands.Reset();
        Assert.Equal("allowed", await GetObjectAsync(user));
        return Factory.SqlCommands.Count;
    }

    private async Task<string> PrincipalWithGroupsAsync(int groups, int policiesPerGroup)
    {
        var user = Unique("many");
        await CreateUserAsync(user);
        await PutInlineAsync($"users/{user}", "get", Allow("s3:GetObject"));
        for (var g = 0; g < groups; g++)
        {
            var group = Unique("g");
            await CreateGroupAsync(group);
            await AddToGroupAsync(group, user);
            await PutInlineAsync($"groups/{group}", "inline", Allow("sqs:SendMessage"));
            for (var p = 0; p < policiesPerGroup; p++)
            {
                var policy = Unique("p");
                await CreatePolicyAsync(policy, document: Allow($"dynamodb:Query{p}"));
                await AttachAsync($"groups/{group}", policy);
            }
        }

        return user;
    }

    /// <summary>A user whose (empty) effective policies are already cached.</summary>
    private async Task<string> WarmUserAsync()
    {
        var user = Unique("warm");
        await CreateUserAsync(user);
        Assert.Equal("implicitDeny", await GetObjectAsync(user));
        Assert.Equal("implicitDeny", await GetObjectAsync(user));
        return user;
    }

    private Task<HttpResponseMessage> AskAsync(string user) =>
        Root.PostAsJsonAsync(
            "/api/v1/authorize",
            new { principalArn = UserArn(user), action = "s3:GetObject", resource = Bucket });

    private Task<string> GetObjectAsync(string user) => DecisionAsync(UserArn(user), "s3:GetObject", Bucket);
}
