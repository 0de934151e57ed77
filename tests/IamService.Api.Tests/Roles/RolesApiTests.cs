using System.Net;
using System.Text.Json;
using IamService.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IamService.Api.Tests.Roles;

public sealed class RolesApiTests : ApiTestBase
{
    [Fact]
    public async Task Create_AnswersIdArnTrustPolicyAndDefaults_AndGetReturnsTheSame()
    {
        var name = Unique("Reader");
        var accountId = await AccountIdAsync();

        var response = await PostAsync("/api/v1/roles", new
        {
            roleName = name,
            path = "/reporting/",
            assumeRolePolicyDocument = JsonDocument.Parse(TrustPolicy).RootElement,
            description = "Reads reports.",
            tags = new[] { new { key = "Team", value = "bi" } },
        });

        var created = await OkAsync(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/roles/{name}", response.Headers.Location?.AbsolutePath);
        Assert.Matches("^AROA[A-Z2-7]{17}$", created.GetProperty("roleId").GetString());
        Assert.Equal($"arn:aws:iam::{accountId}:role/reporting/{name}", created.GetProperty("arn").GetString());
        Assert.Equal(3600, created.GetProperty("maxSessionDuration").GetInt32());
        Assert.Equal("Reads reports.", created.GetProperty("description").GetString());
        // An object is stored as its compact text, which is still the same policy.
        var trust = JsonDocument.Parse(created.GetProperty("assumeRolePolicyDocument").GetString()!).RootElement;
        Assert.Equal("ec2.amazonaws.com", trust.GetProperty("Statement")[0].GetProperty("Principal")
            .GetProperty("Service").GetString());

        var fetched = await GetJsonAsync($"/api/v1/roles/{name.ToUpperInvariant()}");
        Assert.Equal(created.GetProperty("roleId").GetString(), fetched.GetProperty("roleId").GetString());
        Assert.Equal(created.GetProperty("createDate").GetDateTimeOffset(), fetched.GetProperty("createDate")
            .GetDateTimeOffset());
        Assert.Equal("bi", fetched.GetProperty("tags")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Create_TrustPolicyWithoutPrincipal_IsMalformedListingEveryError_AndCreatesNothing()
    {
        var name = Unique("NoPrincipal");
        var document = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:GetObject"},
              {"Effect":"Sometimes","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}]}
            """;

        var response = await PostAsync("/api/v1/roles", new { roleName = name, assumeRolePolicyDocument = document });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString())
            .ToList();
        Assert.Contains("PrincipalRequired", codes);
        Assert.Contains("TrustPolicyActionNotSts", codes);
        Assert.Contains("InvalidEffect", codes);
        Assert.All(problem.GetProperty("errors").EnumerateArray(),
            e => Assert.Equal("assumeRolePolicyDocument", e.GetProperty("policy").GetString()));
        await ProblemAsync(await Client.GetAsync($"/api/v1/roles/{name}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Theory]
    [InlineData(3599)]
    [InlineData(43201)]
    [InlineData(0)]
    public async Task Create_MaxSessionDurationOutOfRange_IsValidationError(int seconds)
    {
        var response = await PostAsync("/api/v1/roles", new
        {
            roleName = Unique("Session"),
            assumeRolePolicyDocument = TrustPolicy,
            maxSessionDuration = seconds,
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("maxSessionDuration", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_LongestSessionAllowed_IsKept()
    {
        var response = await PostAsync("/api/v1/roles", new
        {
            roleName = Unique("Long"),
            assumeRolePolicyDocument = TrustPolicy,
            maxSessionDuration = 43200,
        });

        Assert.Equal(43200, (await OkAsync(response, HttpStatusCode.Created)).GetProperty("maxSessionDuration")
            .GetInt32());
    }

    [Theory]
    [InlineData("""{"roleName":"x","assumeRolePolicyDocument":""")]
    [InlineData("""{"roleName":"x"}""")]
    [InlineData("""{"roleName":"x","assumeRolePolicyDocument":"{}","maxSessionDuration":"long"}""")]
    [InlineData("""{"roleName":"x","assumeRolePolicyDocument":"{}","unknown":1}""")]
    public async Task Create_UnreadableBody_IsInvalidInput(string json)
    {
        await ProblemAsync(await PostRawAsync("/api/v1/roles", json), HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a123456789a123456789a123456789a123456789a123456789a123456789abcde")]
    public async Task Create_BadName_IsValidationError(string name)
    {
        var response = await PostAsync("/api/v1/roles",
            new { roleName = name, assumeRolePolicyDocument = TrustPolicy });

        await ProblemAsync(response, HttpStatusCode.BadRequest, "ValidationError");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("[1,2]")]
    [InlineData("null")]
    public async Task Create_TrustPolicyNeitherStringNorObject_IsRejectedWithoutAServerError(string document)
    {
        var json = $$"""{"roleName":"{{Unique("Odd")}}","assumeRolePolicyDocument":{{document}}}""";

        var response = await PostRawAsync("/api/v1/roles", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Create_HugeTrustPolicy_IsMalformedAsTooLarge()
    {
        var principals = string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"arn:aws:iam::{i:D12}:root\""));
        var document = $$"""
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":[{{principals}}]},
            "Action":"sts:AssumeRole"}]}
            """;

        var response = await PostAsync("/api/v1/roles",
            new { roleName = Unique("Huge"), assumeRolePolicyDocument = document });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("code").GetString() == "PolicyTooLarge");
    }

    [Fact]
    public async Task Create_SameNameInOtherCase_IsEntityAlreadyExists()
    {
        var name = Unique("Twice");
        await CreateRoleAsync(name);

        var response = await PostAsync(
            "/api/v1/roles", new { roleName = name.ToUpperInvariant(), assumeRolePolicyDocument = TrustPolicy });

        await ProblemAsync(response, HttpStatusCode.Conflict, "EntityAlreadyExists");
    }

    [Fact]
    public async Task Create_SameNameConcurrently_GivesOneCreatedAndConflictsOnly()
    {
        var name = Unique("Race");

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => PostAsync(
            "/api/v1/roles",
            new { roleName = i % 2 == 0 ? name : name.ToUpperInvariant(), assumeRolePolicyDocument = TrustPolicy }))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var normalized = name.ToUpperInvariant();
        Assert.Equal(1, await WithDbAsync(db => db.Roles.CountAsync(r => r.NormalizedName == normalized)));
    }

    [Fact]
    public async Task Create_WithPermissionsBoundary_ShowsIt_AndABadArnIsRejected()
    {
        var policy = Unique("Boundary");
        var arn = (await CreatePolicyAsync(policy)).GetProperty("arn").GetString()!;
        var name = Unique("Bounded");

        await OkAsync(await PostAsync("/api/v1/roles", new
        {
            roleName = name,
            assumeRolePolicyDocument = TrustPolicy,
            permissionsBoundary = arn,
        }), HttpStatusCode.Created);
        var badArn = await PostAsync("/api/v1/roles", new
        {
            roleName = Unique("BadArn"),
            assumeRolePolicyDocument = TrustPolicy,
            permissionsBoundary = "arn:aws:iam::123:policy",
        });
        var otherAccount = await PostAsync("/api/v1/roles", new
        {
            roleName = Unique("Other"),
            assumeRolePolicyDocument = TrustPolicy,
            permissionsBoundary = $"arn:aws:iam::000000000000:policy/{policy}",
        });

        var boundary = (await GetJsonAsync($"/api/v1/roles/{name}")).GetProperty("permissionsBoundary");
        Assert.Equal(arn, boundary.GetProperty("permissionsBoundaryArn").GetString());
        Assert.Equal("Policy", boundary.GetProperty("permissionsBoundaryType").GetString());
        await ProblemAsync(badArn, HttpStatusCode.BadRequest, "InvalidInput");
        await ProblemAsync(otherAccount, HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task Update_ChangesDescriptionAndSession_AndKeepsWhatIsOmitted()
    {
        var name = Unique("Upd");
        await CreateRoleAsync(name);

        var first = await OkAsync(await PatchAsync($"/api/v1/roles/{name}", new { description = "First." }));
        var second = await OkAsync(await PatchAsync($"/api/v1/roles/{name}", new { maxSessionDuration = 7200 }));
        var invalid = await PatchAsync($"/api/v1/roles/{name}", new { maxSessionDuration = 100 });
        var cleared = await OkAsync(await PatchAsync($"/api/v1/roles/{name}", new { description = "" }));

        Assert.Equal("First.", first.GetProperty("description").GetString());
        Assert.Equal("First.", second.GetProperty("description").GetString());
        Assert.Equal(7200, second.GetProperty("maxSessionDuration").GetInt32());
        await ProblemAsync(invalid, HttpStatusCode.BadRequest, "ValidationError");
        Assert.False(cleared.TryGetProperty("description", out _));
        Assert.Equal(7200, (await GetJsonAsync($"/api/v1/roles/{name}")).GetProperty("maxSessionDuration").GetInt32());
        await ProblemAsync(await PatchAsync($"/api/v1/roles/{Unique("none")}", new { description = "x" }),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task UpdateTrustPolicy_ReplacesIt_AndAnInvalidOneLeavesTheOldInPlace()
    {
        var name = Unique("Trust");
        await CreateRoleAsync(name);
        var lambda = TrustPolicy.Replace("ec2.amazonaws.com", "lambda.amazonaws.com", StringComparison.Ordinal);

        var replaced = await OkAsync(
            await PutAsync($"/api/v1/roles/{name}/trust-policy", new { policyDocument = lambda }));
        var invalid = await PutAsync($"/api/v1/roles/{name}/trust-policy", new { policyDocument = IdentityPolicy() });

        Assert.Equal(lambda, replaced.GetProperty("assumeRolePolicyDocument").GetString());
        var problem = await ProblemAsync(invalid, HttpStatusCode.BadRequest, "MalformedPolicyDocument");
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(),
            e => e.GetProperty("code").GetString() == "PrincipalRequired");
        Assert.Equal(lambda, (await GetJsonAsync($"/api/v1/roles/{name}")).GetProperty("assumeRolePolicyDocument")
            .GetString());
        await ProblemAsync(
            await PutAsync($"/api/v1/roles/{Unique("none")}/trust-policy", new { policyDocument = lambda }),
            HttpStatusCode.NotFound, "NoSuchEntity");
    }

    [Fact]
    public async Task List_PagesByNameWithinAPathPrefix()
    {
        var path = UniquePath();
        foreach (var name in new[] { "charlie", "Alpha", "bravo" })
        {
            await CreateRoleAsync(name + Guid.NewGuid().ToString("N")[..6], path);
        }

        var first = await GetJsonAsync($"/api/v1/roles?pathPrefix={path}&maxItems=2");
        var second = await GetJsonAsync(
            $"/api/v1/roles?pathPrefix={path}&maxItems=2&marker={first.GetProperty("marker").GetString()}");

        Assert.True(first.GetProperty("isTruncated").GetBoolean());
        Assert.Equal(["Alpha", "bravo"], Names(first, "roles", "roleName").Select(n => n[..^6]));
        Assert.False(second.GetProperty("isTruncated").GetBoolean());
        Assert.Equal(["charlie"], Names(second, "roles", "roleName").Select(n => n[..^6]));
        await ProblemAsync(await Client.GetAsync("/api/v1/roles?maxItems=0"), HttpStatusCode.BadRequest,
            "ValidationError");
        await ProblemAsync(await Client.GetAsync("/api/v1/roles?marker=%24%24"), HttpStatusCode.BadRequest,
            "InvalidInput");
    }

    [Fact]
    public async Task Delete_WithPolicies_IsConflictListingThem_AndForceRemovesThemButNotTheManagedPolicy()
    {
        var role = Unique("Doomed");
        var policy = Unique("Kept");
        await CreateRoleAsync(role);
        await CreatePolicyAsync(policy);
        await AttachAsync($"roles/{role}", policy);
        await PutInlineAsync($"roles/{role}", "Inline1", IdentityPolicy());
        var boundary = (await CreatePolicyAsync(Unique("Bound"))).GetProperty("arn").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent,
            (await PutAsync($"/api/v1/roles/{role}/permissions-boundary", new { policyArn = boundary })).StatusCode);

        var conflict = await ProblemAsync(
            await Client.DeleteAsync($"/api/v1/roles/{role}"), HttpStatusCode.Conflict, "DeleteConflict");
        var stillThere = await GetJsonAsync($"/api/v1/roles/{role}");
        var forced = await Client.DeleteAsync($"/api/v1/roles/{role}?force=true");

        var remaining = conflict.GetProperty("remaining");
        Assert.Equal([policy], remaining.GetProperty("attachedPolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["Inline1"], remaining.GetProperty("inlinePolicies").EnumerateArray().Select(e => e.GetString()));
        Assert.False(remaining.TryGetProperty("permissionsBoundary", out _));
        Assert.Equal(role, stillThere.GetProperty("roleName").GetString());
        Assert.Equal(HttpStatusCode.NoContent, forced.StatusCode);
        await ProblemAsync(await Client.GetAsync($"/api/v1/roles/{role}"), HttpStatusCode.NotFound, "NoSuchEntity");
        var kept = await GetJsonAsync($"/api/v1/policies/{policy}");
        Assert.Equal(0, kept.GetProperty("attachmentCount").GetInt32());
        await GetJsonAsync($"/api/v1/policies/{boundary.Split('/')[^1]}");
        var roleId = stillThere.GetProperty("roleId").GetString();
        Assert.Equal(0, await WithDbAsync(db => db.RoleInlinePolicies.CountAsync(p => p.RoleId == roleId)));
    }

    [Fact]
    public async Task Delete_WithoutPolicies_DeletesAndAMissingRoleIs404()
    {
        var role = Unique("Plain");
        await CreateRoleAsync(role);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/v1/roles/{role}")).StatusCode);
        await ProblemAsync(await Client.DeleteAsync($"/api/v1/roles/{role}"), HttpStatusCode.NotFound, "NoSuchEntity");
    }
}
