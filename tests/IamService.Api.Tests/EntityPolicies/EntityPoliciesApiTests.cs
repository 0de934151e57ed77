using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;

namespace IamService.Api.Tests.EntityPolicies;

/// <summary>Attached and inline policies and permissions boundaries, the same for users, groups and roles.</summary>
public sealed class EntityPoliciesApiTests : ApiTestBase
{
    /// <summary>Creates a user, group or role and answers its path under <c>/api/v1/</c>, such as
    /// <c>users/bob</c>.</summary>
    private async Task<string> CreateHolderAsync(string collection, string? path = null)
    {
        var name = Unique(collection[..1]);
        switch (collection)
        {
            case "users":
                await CreateUserAsync(name, path);
                break;
            case "groups":
                await CreateGroupAsync(name, path);
                break;
            default:
                await CreateRoleAsync(name, path);
                break;
        }

        return $"{collection}/{name}";
    }

    private async Task<List<string>> AttachedAsync(string holder) =>
        Names(await GetJsonAsync($"/api/v1/{holder}/attached-policies"), "attachedPolicies", "policyName");

    [Theory]
    [InlineData("users")]
    [InlineData("groups")]
    [InlineData("roles")]
    public async Task Attach_ListAndDetach_ByNameOrArn(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var (first, second) = (Unique("B"), Unique("a"));
        var firstArn = (await CreatePolicyAsync(first)).GetProperty("arn").GetString()!;
        await CreatePolicyAsync(second, "/team/");

        await AttachAsync(holder, first);
        await AttachAsync(holder, Uri.EscapeDataString(firstArn));
        await AttachAsync(holder, second.ToUpperInvariant());

        var listed = await GetJsonAsync($"/api/v1/{holder}/attached-policies");
        Assert.Equal([second, first], Names(listed, "attachedPolicies", "policyName"));
        Assert.Equal(firstArn, listed.GetProperty("attachedPolicies")[1].GetProperty("policyArn").GetString());
        Assert.Equal([second], Names(await GetJsonAsync($"/api/v1/{holder}/attached-policies?pathPrefix=/team/"),
            "attachedPolicies", "policyName"));
        var paged = await GetJsonAsync($"/api/v1/{holder}/attached-policies?maxItems=1");
        Assert.True(paged.GetProperty("isTruncated").GetBoolean());
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/policies/{first}")).GetProperty("attachmentCount").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent,
            (await Client.DeleteAsync($"/api/v1/{holder}/attached-policies/{first}")).StatusCode);
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/{holder}/attached-policies/{first}"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Equal([second], await AttachedAsync(holder));
        // Detaching removes the attachment only: the policy stays.
        Assert.Equal(0, (await GetJsonAsync($"/api/v1/policies/{first}")).GetProperty("attachmentCount").GetInt32());
    }

    [Theory]
    [InlineData("users")]
    [InlineData("groups")]
    [InlineData("roles")]
    public async Task Attach_UnknownPolicyOrHolder_IsNoSuchEntity_AndBadNamesAreValidationErrors(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var policy = Unique("P");
        await CreatePolicyAsync(policy);

        await ProblemAsync(await Client.PutAsync($"/api/v1/{holder}/attached-policies/{Unique("none")}", null),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(
            await Client.PutAsync($"/api/v1/{collection}/{Unique("none")}/attached-policies/{policy}", null),
            HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.PutAsync($"/api/v1/{collection}/bad%20name/attached-policies/{policy}", null),
            HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(await Client.PutAsync($"/api/v1/{holder}/attached-policies/arn%3Aaws%3Aiam%3A%3Ax", null),
            HttpStatusCode.BadRequest, "InvalidInput");
        Assert.Empty(await AttachedAsync(holder));
    }

    [Theory]
    [InlineData("users")]
    [InlineData("groups")]
    [InlineData("roles")]
    public async Task InlinePolicies_PutGetListReplaceAndDelete(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var risky = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}""";

        var put = await OkAsync(
            await PutAsync($"/api/v1/{holder}/inline-policies/Read", new { policyDocument = risky }));
        await PutInlineAsync(holder, "Another", IdentityPolicy());
        var replaced = await OkAsync(await PutAsync(
            $"/api/v1/{holder}/inline-policies/READ", new { policyDocument = IdentityPolicy("s3:PutObject") }));

        var holderName = holder.Split('/')[1];
        Assert.Equal(holderName, put.GetProperty(collection[..^1] + "Name").GetString());
        Assert.Equal("AllowWithNotAction", put.GetProperty("warnings")[0].GetProperty("code").GetString());
        Assert.Equal("Read", replaced.GetProperty("policyName").GetString());
        Assert.False(replaced.TryGetProperty("warnings", out var none) && none.GetArrayLength() > 0);
        var names = await GetJsonAsync($"/api/v1/{holder}/inline-policies");
        Assert.Equal(["Another", "Read"], names.GetProperty("policyNames").EnumerateArray().Select(n => n.GetString()));
        var fetched = await GetJsonAsync($"/api/v1/{holder}/inline-policies/read");
        Assert.Equal(IdentityPolicy("s3:PutObject"), fetched.GetProperty("policyDocument").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/{holder}/inline-policies/Read"))
            .StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/{holder}/inline-policies/Read"), HttpStatusCode.NotFound,
            "NoSuchEntity");
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/{holder}/inline-policies/Read"),
            HttpStatusCode.NotFound, "NoSuchEntity");
        var page = await GetJsonAsync($"/api/v1/{holder}/inline-policies?maxItems=1");
        Assert.Equal(["Another"], page.GetProperty("policyNames").EnumerateArray().Select(n => n.GetString()));
    }

    [Theory]
    [InlineData("users")]
    [InlineData("groups")]
    [InlineData("roles")]
    public async Task PutInline_BadInput_IsRejectedAndStoresNothing(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var trust = TrustPolicy;

        var malformed = await PutAsync($"/api/v1/{holder}/inline-policies/P1", new { policyDocument = trust });
        var badName = await PutAsync($"/api/v1/{holder}/inline-policies/a%20b",
            new { policyDocument = IdentityPolicy() });
        var notJson = await Client.PutAsync($"/api/v1/{holder}/inline-policies/P1",
            new StringContent("{\"policyDocument\":", System.Text.Encoding.UTF8, "application/json"));
        var number = await PutAsync($"/api/v1/{holder}/inline-policies/P1", new { policyDocument = 5 });

        var problem = await ProblemAsync(malformed, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("code").GetString() == "PrincipalNotAllowed");
        await ProblemAsync(badName, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(notJson, HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(number, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Empty((await GetJsonAsync($"/api/v1/{holder}/inline-policies")).GetProperty("policyNames")
            .EnumerateArray());
    }

    [Theory]
    [InlineData("users", 2048)]
    [InlineData("groups", 5120)]
    [InlineData("roles", 10240)]
    public async Task PutInline_SizeQuotaOfTheHolderKind_CountsAllItsInlinePoliciesWithoutWhiteSpace(
        string collection,
        int limit)
    {
        var holder = await CreateHolderAsync(collection);
        string Sized(int size)
        {
            var template = IdentityPolicy("s3:GetObject")
                .Replace("\"*\"", "\"arn:aws:s3:::b/\"", StringComparison.Ordinal);
            var pad = new string('x', size - template.Length);
            return template.Replace("b/", "b/" + pad, StringComparison.Ordinal);
        }

        var tooLarge = await PutAsync($"/api/v1/{holder}/inline-policies/Big",
            new { policyDocument = Sized(limit + 1) });
        await PutInlineAsync(holder, "Half", Sized(limit / 2));
        var overTogether = await PutAsync($"/api/v1/{holder}/inline-policies/Other",
            new { policyDocument = Sized(limit / 2 + 1) });
        var replacingFits = await PutAsync($"/api/v1/{holder}/inline-policies/half",
            new { policyDocument = Sized(limit) });

        var problem = await ProblemAsync(tooLarge, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Equal("PolicyTooLarge", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        await ProblemAsync(overTogether, HttpStatusCode.Conflict, "LimitExceeded");
        await OkAsync(replacingFits);
        Assert.Equal(["Half"], (await GetJsonAsync($"/api/v1/{holder}/inline-policies")).GetProperty("policyNames")
            .EnumerateArray().Select(n => n.GetString()));
    }

    [Theory]
    [InlineData("users")]
    [InlineData("roles")]
    public async Task PermissionsBoundary_PutGetReplaceAndDelete(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var first = (await CreatePolicyAsync(Unique("B1"))).GetProperty("arn").GetString()!;
        var second = (await CreatePolicyAsync(Unique("B2"))).GetProperty("arn").GetString()!;

        var none = await Client.GetAsync($"/api/v1/{holder}/permissions-boundary");
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/{holder}/permissions-boundary", new { policyArn = first })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/{holder}/permissions-boundary", new { policyArn = second })).StatusCode);
        var current = await GetJsonAsync($"/api/v1/{holder}/permissions-boundary");
        var onEntity = await GetJsonAsync($"/api/v1/{holder}");

        await ProblemAsync(none, HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Equal(second, current.GetProperty("permissionsBoundaryArn").GetString());
        Assert.Equal(second, onEntity.GetProperty("permissionsBoundary").GetProperty("permissionsBoundaryArn")
            .GetString());
        Assert.Equal(0, (await GetJsonAsync($"/api/v1/policies/{first.Split('/')[^1]}"))
            .GetProperty("permissionsBoundaryUsageCount").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/{holder}/permissions-boundary"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/{holder}/permissions-boundary"))
            .StatusCode);
        Assert.False((await GetJsonAsync($"/api/v1/{holder}")).TryGetProperty("permissionsBoundary", out _));
        // Removing the boundary leaves the policy itself.
        await GetJsonAsync($"/api/v1/policies/{second.Split('/')[^1]}");
    }

    [Theory]
    [InlineData("users")]
    [InlineData("roles")]
    public async Task PermissionsBoundary_BadOrUnknownArn_IsAProblem(string collection)
    {
        var holder = await CreateHolderAsync(collection);
        var accountId = await AccountIdAsync();

        await ProblemAsync(await PutAsync($"/api/v1/{holder}/permissions-boundary", new { policyArn = "ReadReports" }),
            HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await PutAsync($"/api/v1/{holder}/permissions-boundary",
            new { policyArn = $"arn:aws:iam::{accountId}:role/Someone" }), HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(await PutAsync($"/api/v1/{holder}/permissions-boundary",
            new { policyArn = $"arn:aws:iam::{accountId}:policy/{Unique("none")}" }), HttpStatusCode.NotFound,
                "NoSuchEntity");
        Assert.Equal(HttpStatusCode.MethodNotAllowed,
            (await PostRawAsync($"/api/v1/{holder}/permissions-boundary", "{}")).StatusCode);
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/{collection}/{Unique("none")}/permissions-boundary"),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Groups_HaveNoPermissionsBoundary()
    {
        var holder = await CreateHolderAsync("groups");

        var response = await Client.GetAsync($"/api/v1/{holder}/permissions-boundary");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NotFound", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code")
            .GetString());
    }

    [Fact]
    public async Task DeleteUser_WithPoliciesOrGroups_IsConflict_ButABoundaryAloneBlocksNothing()
    {
        var (user, bounded) = (await CreateHolderAsync("users"), await CreateHolderAsync("users"));
        var policy = Unique("P");
        var arn = (await CreatePolicyAsync(policy)).GetProperty("arn").GetString()!;
        await AttachAsync(user, policy);
        await PutInlineAsync(user, "Own", IdentityPolicy());
        await PutAsync($"/api/v1/{bounded}/permissions-boundary", new { policyArn = arn });

        var conflict = await ProblemAsync(await Client.DeleteAsync($"/api/v1/{user}"), HttpStatusCode.Conflict,
            "DeleteConflict");
        var boundedDeleted = await Client.DeleteAsync($"/api/v1/{bounded}");
        var forced = await Client.DeleteAsync($"/api/v1/{user}?force=true");

        var remaining = conflict.GetProperty("remaining");
        Assert.Equal([policy], remaining.GetProperty("attachedPolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Own"], remaining.GetProperty("inlinePolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, boundedDeleted.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        var left = await GetJsonAsync($"/api/v1/policies/{policy}");
        Assert.Equal(0, left.GetProperty("attachmentCount").GetInt32());
        Assert.Equal(0, left.GetProperty("permissionsBoundaryUsageCount").GetInt32());
    }

    [Fact]
    public async Task DeleteGroup_WithPolicies_IsConflict_AndForceKeepsMembersAndPolicies()
    {
        var (group, user) = (await CreateHolderAsync("groups"), await CreateHolderAsync("users"));
        var (groupName, userName) = (group.Split('/')[1], user.Split('/')[1]);
        var policy = Unique("P");
        await CreatePolicyAsync(policy);
        await AttachAsync(group, policy);
        await PutInlineAsync(group, "Shared", IdentityPolicy());
        await AddToGroupAsync(groupName, userName);

        var conflict = await ProblemAsync(await Client.DeleteAsync($"/api/v1/{group}"), HttpStatusCode.Conflict,
            "DeleteConflict");
        var forced = await Client.DeleteAsync($"/api/v1/{group}?force=true");

        var remaining = conflict.GetProperty("remaining");
        Assert.Equal([policy], remaining.GetProperty("attachedPolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Shared"], remaining.GetProperty("inlinePolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        await GetJsonAsync($"/api/v1/{user}");
        await GetJsonAsync($"/api/v1/policies/{policy}");
        await ProblemAsync(await Client.GetAsync($"/api/v1/{group}"), HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Empty((await GetJsonAsync($"/api/v1/{user}/groups")).GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task DeletingAPolicyVersionOrAnotherHolder_LeavesAttachmentsAlone()
    {
        var (first, second) = (await CreateHolderAsync("roles"), await CreateHolderAsync("roles"));
        var policy = Unique("Shared");
        await CreatePolicyAsync(policy);
        await AttachAsync(first, policy);
        await AttachAsync(second, policy);
        await OkAsync(await PostAsync($"/api/v1/policies/{policy}/versions",
            new { policyDocument = IdentityPolicy("s3:PutObject"), setAsDefault = true }), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/{policy}/versions/v1"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/{first}?force=true")).StatusCode);

        Assert.Equal([policy], await AttachedAsync(second));
        Assert.Equal(1, (await GetJsonAsync($"/api/v1/policies/{policy}")).GetProperty("attachmentCount").GetInt32());
    }
}
