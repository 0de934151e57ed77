using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Policies;

public sealed class PoliciesApiTests : ApiTestBase
{
    /// <summary>A valid identity policy with exactly <paramref name="size"/> characters other than white
    /// space.</summary>
    private static string PolicyOfSize(int size, bool indented = false)
    {
        var space = indented ? "\n    " : "";
        string Build(string pad) =>
            "{" + space + "\"Version\":\"2012-10-17\"," + space + "\"Statement\":[{\"Effect\":\"Allow\"," + space +
            "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/" + pad + "\"}]}";
        var fixedPart = Build("").Count(c => !char.IsWhiteSpace(c));
        return Build(new string('x', size - fixedPart));
    }

    [Fact]
    public async Task Create_AnswersV1AsDefaultWithZeroUsage_AndGetByNameOrArnAgrees()
    {
        var name = Unique("Read");
        var accountId = await AccountIdAsync();

        var response = await PostAsync("/api/v1/policies", new
        {
            policyName = name,
            path = "/reporting/",
            policyDocument = JsonDocument.Parse(IdentityPolicy()).RootElement,
            description = "Reads.",
        });

        var created = await OkAsync(response, HttpStatusCode.Created);
        var arn = $"arn:aws:iam::{accountId}:policy/reporting/{name}";
        Assert.Equal($"/api/v1/policies/{name}", response.Headers.Location?.AbsolutePath);
        Assert.Matches("^ANPA[A-Z2-7]{17}$", created.GetProperty("policyId").GetString());
        Assert.Equal(arn, created.GetProperty("arn").GetString());
        Assert.Equal("v1", created.GetProperty("defaultVersionId").GetString());
        Assert.Equal(0, created.GetProperty("attachmentCount").GetInt32());
        Assert.Equal(0, created.GetProperty("permissionsBoundaryUsageCount").GetInt32());
        Assert.True(created.GetProperty("isAttachable").GetBoolean());
        Assert.Equal(created.GetProperty("createDate").GetDateTimeOffset(), created.GetProperty("updateDate")
            .GetDateTimeOffset());
        Assert.False(created.TryGetProperty("warnings", out var warnings) && warnings.GetArrayLength() > 0);

        var byArn = await GetJsonAsync($"/api/v1/policies/{Uri.EscapeDataString(arn)}");
        var byName = await GetJsonAsync($"/api/v1/policies/{name.ToLowerInvariant()}");
        Assert.Equal(created.GetProperty("policyId").GetString(), byArn.GetProperty("policyId").GetString());
        Assert.Equal("Reads.", byName.GetProperty("description").GetString());
        var version = (await GetJsonAsync($"/api/v1/policies/{name}/versions/v1"));
        Assert.True(version.GetProperty("isDefaultVersion").GetBoolean());
        Assert.Equal(IdentityPolicy(), version.GetProperty("document").GetString());
    }

    [Fact]
    public async Task Create_RiskyButValidDocument_IsCreatedWithItsWarnings()
    {
        var document = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}
            """;

        var response = await PostAsync("/api/v1/policies",
            new { policyName = Unique("Risky"), policyDocument = document });

        var created = await OkAsync(response, HttpStatusCode.Created);
        var warning = Assert.Single(created.GetProperty("warnings").EnumerateArray());
        Assert.Equal("AllowWithNotAction", warning.GetProperty("code").GetString());
        Assert.Equal("$.Statement[0].NotAction", warning.GetProperty("path").GetString());
        Assert.Equal("policyDocument", warning.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task Create_MalformedDocument_ListsEveryErrorAndCreatesNothing()
    {
        var name = Unique("Broken");
        var document = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Maybe","Action":"s3:GetObject","Resource":"*"},
              {"Effect":"Allow","Action":"s3:GetObject","NotAction":"s3:PutObject","Resource":"*",
               "Condition":{"StringEqualz":{"aws:username":"x"}}}]}
            """;

        var response = await PostAsync("/api/v1/policies", new { policyName = name, policyDocument = document });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())
            .ToList();
        Assert.Superset(new HashSet<string?> { "InvalidEffect", "ActionAndNotAction", "UnknownConditionOperator" },
            codes.ToHashSet());
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData(
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}]}""")]
    public async Task Create_DocumentThatIsNoIdentityPolicy_IsMalformed(string document)
    {
        var response = await PostAsync("/api/v1/policies",
            new { policyName = Unique("Odd"), policyDocument = document });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
    }

    [Fact]
    public async Task Create_SizeIsCountedWithoutWhiteSpace_UpTo6144Characters()
    {
        var atLimit = PolicyOfSize(6144, indented: true);
        var overLimit = PolicyOfSize(6145);

        var accepted = await PostAsync("/api/v1/policies",
            new { policyName = Unique("Max"), policyDocument = atLimit });
        var rejected = await PostAsync("/api/v1/policies",
            new { policyName = Unique("Over"), policyDocument = overLimit });
        var huge = await PostAsync("/api/v1/policies",
            new { policyName = Unique("Huge"), policyDocument = PolicyOfSize(400_000) });

        Assert.True(atLimit.Length > 6144);
        await OkAsync(accepted, HttpStatusCode.Created);
        var problem = await ProblemAsync(rejected, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Equal("PolicyTooLarge", problem.GetProperty("errors")[0].GetProperty("code").GetString());
        await ProblemAsync(huge, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
    }

    [Fact]
    public async Task Create_BadNamePathOrDescription_IsValidationError()
    {
        var longName = new string('p', 129);

        var badName = await PostAsync("/api/v1/policies",
            new { policyName = "a/b", policyDocument = IdentityPolicy() });
        var tooLong = await PostAsync("/api/v1/policies",
            new { policyName = longName, policyDocument = IdentityPolicy() });
        var badPath = await PostAsync(
            "/api/v1/policies", new { policyName = Unique("P"), path = "nopath", policyDocument = IdentityPolicy() });
        var longDescription = await PostAsync("/api/v1/policies", new
        {
            policyName = Unique("P"),
            policyDocument = IdentityPolicy(),
            description = new string('d', 1001),
        });

        await ProblemAsync(badName, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(tooLong, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(badPath, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(longDescription, HttpStatusCode.BadRequest, "ValidationError");
        await ProblemAsync(await PostRawAsync("/api/v1/policies", """{"policyName":"x","policyDocument":{"""),
            HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Get_ByMalformedArn_IsInvalidInputAndByAnotherAccountsArn_IsNoSuchEntity()
    {
        var name = Unique("Arn");
        await CreatePolicyAsync(name);

        var malformed = await Client.GetAsync($"/api/v1/policies/{Uri.EscapeDataString("arn:aws:iam::12:policy/x")}");
        var other = await Client.GetAsync(
            $"/api/v1/policies/{Uri.EscapeDataString($"arn:aws:iam::000000000000:policy/{name}")}");
        var wrongKind = await Client.GetAsync(
            $"/api/v1/policies/{Uri.EscapeDataString($"arn:aws:iam::{await AccountIdAsync()}:user/{name}")}");

        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(other, HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(wrongKind, HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task Create_SameNameConcurrently_GivesOneCreatedAndOneConflict()
    {
        var name = Unique("Race");

        var responses = await Task.WhenAll(
            Task.Run(() => PostAsync("/api/v1/policies", new { policyName = name, policyDocument = IdentityPolicy() })),
            Task.Run(() => PostAsync(
                "/api/v1/policies", new { policyName = name.ToLowerInvariant(), policyDocument = IdentityPolicy() })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        await ProblemAsync(Assert.Single(responses, r => r.StatusCode != HttpStatusCode.Created),
            HttpStatusCode.Conflict, "EntityAlreadyExists");
        var normalized = name.ToUpperInvariant();
        Assert.Equal(1, await WithDbAsync(db => db.ManagedPolicies.CountAsync(p => p.NormalizedName == normalized)));
    }

    [Fact]
    public async Task Versions_KeepFiveAtMost_NeverReuseAnId_AndListNewestFirst()
    {
        var name = Unique("Ver");
        await CreatePolicyAsync(name);
        for (var i = 2; i <= 5; i++)
        {
            var created = await OkAsync(await PostAsync($"/api/v1/policies/{name}/versions",
                new { policyDocument = IdentityPolicy($"s3:Action{i}") }), HttpStatusCode.Created);
            Assert.Equal($"v{i}", created.GetProperty("versionId").GetString());
            Assert.False(created.GetProperty("isDefaultVersion").GetBoolean());
        }

        var sixth = await PostAsync($"/api/v1/policies/{name}/versions", new { policyDocument = IdentityPolicy() });
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/{name}/versions/v3"))
            .StatusCode);
        var next = await OkAsync(await PostAsync($"/api/v1/policies/{name}/versions",
            new { policyDocument = IdentityPolicy("s3:Latest"), setAsDefault = true }), HttpStatusCode.Created);

        var problem = await ProblemAsync(sixth, HttpStatusCode.Conflict, "LimitExceeded");
        Assert.Contains("VersionsPerPolicy: 5", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("v6", next.GetProperty("versionId").GetString());
        Assert.True(next.GetProperty("isDefaultVersion").GetBoolean());
        var versions = (await GetJsonAsync($"/api/v1/policies/{name}/versions")).GetProperty("versions");
        Assert.Equal(["v6", "v5", "v4", "v2", "v1"], versions.EnumerateArray()
            .Select(v => v.GetProperty("versionId").GetString()));
        Assert.Equal([true, false, false, false, false],
            versions.EnumerateArray().Select(v => v.GetProperty("isDefaultVersion").GetBoolean()));
        Assert.All(versions.EnumerateArray(), v => Assert.False(v.TryGetProperty("document", out _)));
        var policy = await GetJsonAsync($"/api/v1/policies/{name}");
        Assert.Equal("v6", policy.GetProperty("defaultVersionId").GetString());
        Assert.Equal(next.GetProperty("createDate").GetDateTimeOffset(), policy.GetProperty("updateDate")
            .GetDateTimeOffset());
        Assert.Contains("s3:Latest", (await GetJsonAsync($"/api/v1/policies/{name}/versions/v6"))
            .GetProperty("document").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefaultVersion_CanBeChanged_AndTheDefaultCannotBeDeleted()
    {
        var name = Unique("Def");
        await CreatePolicyAsync(name);
        await OkAsync(
            await PostAsync($"/api/v1/policies/{name}/versions", new { policyDocument = IdentityPolicy("s3:V2") }),
            HttpStatusCode.Created);

        var set = await PutAsync($"/api/v1/policies/{name}/default-version", new { versionId = "v2" });
        var deleteDefault = await Client.DeleteAsync($"/api/v1/policies/{name}/versions/v2");
        var missing = await PutAsync($"/api/v1/policies/{name}/default-version", new { versionId = "v9" });
        var malformed = await PutAsync($"/api/v1/policies/{name}/default-version", new { versionId = "v01" });

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        await ProblemAsync(deleteDefault, HttpStatusCode.Conflict, "DeleteConflict");
        await ProblemAsync(missing, HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(malformed, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Equal("v2", (await GetJsonAsync($"/api/v1/policies/{name}")).GetProperty("defaultVersionId")
            .GetString());
        Assert.False((await GetJsonAsync($"/api/v1/policies/{name}/versions/v1")).GetProperty("isDefaultVersion")
            .GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/{name}/versions/v1"))
            .StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}/versions/v1"), HttpStatusCode.NotFound,
            "NoSuchEntity");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}/versions/x1"),
            HttpStatusCode.BadRequest, "ValidationError");
    }

    [Fact]
    public async Task CreateVersion_MalformedDocument_AddsNoVersion()
    {
        var name = Unique("BadVer");
        await CreatePolicyAsync(name);

        var response = await PostAsync($"/api/v1/policies/{name}/versions",
            new { policyDocument = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}""" });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Single((await GetJsonAsync($"/api/v1/policies/{name}/versions")).GetProperty("versions")
            .EnumerateArray());
    }

    [Fact]
    public async Task Get_CountsAttachmentsAndBoundaryUses()
    {
        var name = Unique("Used");
        var arn = (await CreatePolicyAsync(name)).GetProperty("arn").GetString()!;
        var (user, group, role, bounded) = (Unique("u"), Unique("g"), Unique("r"), Unique("b"));
        await CreateUserAsync(user);
        await CreateGroupAsync(group);
        await CreateRoleAsync(role);
        await OkAsync(await PostAsync("/api/v1/users", new { userName = bounded, permissionsBoundary = arn }),
            HttpStatusCode.Created);
        await AttachAsync($"users/{user}", name);
        await AttachAsync($"groups/{group}", name);
        await AttachAsync($"roles/{role}", name);
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/roles/{role}/permissions-boundary", new { policyArn = arn })).StatusCode);

        var policy = await GetJsonAsync($"/api/v1/policies/{name}");

        Assert.Equal(3, policy.GetProperty("attachmentCount").GetInt32());
        Assert.Equal(2, policy.GetProperty("permissionsBoundaryUsageCount").GetInt32());
    }

    [Fact]
    public async Task Delete_InUse_IsConflictListingEveryUse_AndForceRemovesTheUsesButNoEntity()
    {
        var name = Unique("Busy");
        var created = await CreatePolicyAsync(name);
        var (arn, policyId) = (created.GetProperty("arn").GetString()!, created.GetProperty("policyId").GetString());
        var (user, group, role, bounded) = (Unique("u"), Unique("g"), Unique("r"), Unique("b"));
        await CreateUserAsync(user);
        await CreateGroupAsync(group);
        await CreateRoleAsync(role);
        await CreateUserAsync(bounded);
        await AddToGroupAsync(group, user);
        await AttachAsync($"users/{user}", name);
        await AttachAsync($"groups/{group}", name);
        await AttachAsync($"roles/{role}", name);
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/users/{bounded}/permissions-boundary", new { policyArn = arn })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/roles/{role}/permissions-boundary", new { policyArn = arn })).StatusCode);
        await OkAsync(await PostAsync($"/api/v1/policies/{name}/versions", new { policyDocument = IdentityPolicy() }),
            HttpStatusCode.Created);

        var conflict = await ProblemAsync(
            await Client.DeleteAsync($"/api/v1/policies/{name}"), HttpStatusCode.Conflict, "DeleteConflict");
        var forced = await Client.DeleteAsync($"/api/v1/policies/{Uri.EscapeDataString(arn)}?force=true");

        var remaining = conflict.GetProperty("remaining");
        List<string> Listed(string member) =>
            [.. remaining.GetProperty(member).EnumerateArray().Select(e => e.GetString()!)];
        Assert.Equal([user], Listed("users"));
        Assert.Equal([group], Listed("groups"));
        Assert.Equal([role], Listed("roles"));
        Assert.Equal([bounded], Listed("boundaryOfUsers"));
        Assert.Equal([role], Listed("boundaryOfRoles"));
        Assert.Equal(["v2"], Listed("versions"));
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
        Assert.Empty((await GetJsonAsync($"/api/v1/users/{user}/attached-policies")).GetProperty("attachedPolicies")
            .EnumerateArray());
        Assert.False((await GetJsonAsync($"/api/v1/users/{bounded}")).TryGetProperty("permissionsBoundary", out _));
        Assert.False((await GetJsonAsync($"/api/v1/roles/{role}")).TryGetProperty("permissionsBoundary", out _));
        Assert.Equal([user], Names(await GetJsonAsync($"/api/v1/groups/{group}/users"), "users", "userName"));
        Assert.Equal(0, await WithDbAsync(db => db.ManagedPolicyVersions.CountAsync(v => v.PolicyId == policyId)));
    }

    [Fact]
    public async Task Delete_Unused_DeletesItAndItsVersions()
    {
        var name = Unique("Free");
        await CreatePolicyAsync(name);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/{name}")).StatusCode);

        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
        await ProblemAsync(await Client.GetAsync($"/api/v1/policies/{name}/versions"), HttpStatusCode.NotFound,
            "NoSuchEntity");
    }

    [Fact]
    public async Task List_PagesByNameWithinAPathPrefix_AndOnlyAttachedKeepsTheUsedOnes()
    {
        var path = UniquePath();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        foreach (var stem in new[] { "c", "A", "b" })
        {
            await CreatePolicyAsync(stem + suffix, path);
        }

        var role = Unique("r");
        await CreateRoleAsync(role);
        await AttachAsync($"roles/{role}", "b" + suffix);

        var first = await GetJsonAsync($"/api/v1/policies?pathPrefix={path}&maxItems=2");
        var second = await GetJsonAsync(
            $"/api/v1/policies?pathPrefix={path}&maxItems=2&marker={first.GetProperty("marker").GetString()}");
        var attached = await GetJsonAsync($"/api/v1/policies?pathPrefix={path}&onlyAttached=true");

        Assert.Equal(["A" + suffix, "b" + suffix], Names(first, "policies", "policyName"));
        Assert.Equal(["c" + suffix], Names(second, "policies", "policyName"));
        Assert.False(second.GetProperty("isTruncated").GetBoolean());
        Assert.Equal(["b" + suffix], Names(attached, "policies", "policyName"));
        Assert.Equal(1, attached.GetProperty("policies")[0].GetProperty("attachmentCount").GetInt32());
    }

    [Fact]
    public async Task List_WhilePoliciesComeAndGo_NeitherRepeatsNorSkipsThoseThatStay()
    {
        var path = UniquePath();
        var x = Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "b", "d", "f", "h" })
        {
            await CreatePolicyAsync(name + x, path);
        }

        var first = await GetJsonAsync($"/api/v1/policies?pathPrefix={path}&maxItems=2");
        await CreatePolicyAsync("a" + x, path);
        await CreatePolicyAsync("e" + x, path);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/policies/f{x}")).StatusCode);
        var second = await GetJsonAsync(
            $"/api/v1/policies?pathPrefix={path}&marker={first.GetProperty("marker").GetString()}");

        Assert.Equal(["b" + x, "d" + x], Names(first, "policies", "policyName"));
        Assert.Equal(["e" + x, "h" + x], Names(second, "policies", "policyName"));
    }
}
